import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import { messages, type Language, type Messages } from '../../shared/i18n';
import { call } from './api/client';
import { mailSteps, type MailStep } from '../../shared/domain/workflow';

export type Route =
  | { name: 'home' }
  | { name: 'setup' }
  | { name: 'debtors' }
  | { name: 'debtor'; id: number }
  | { name: 'handover'; id: number }
  | { name: 'settings' }
  | { name: 'interest' }
  | { name: 'insights' }
  | { name: 'letters' }
  | { name: 'today' }
  | { name: 'draft'; debtorId: number; step: MailStep; callEventId?: number }
  | { name: 'call'; debtorId: number }
  | { name: 'templates' }
  | { name: 'imports' };

export function routeFromHash(hash: string): Route {
  const [name, arg] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'debiteuren') return { name: 'debtors' };
  if (name === 'debiteur' && Number(arg) > 0) return { name: 'debtor', id: Number(arg) };
  if (name === 'overdracht' && Number(arg) > 0) return { name: 'handover', id: Number(arg) };
  if (name === 'instellingen') return { name: 'settings' };
  if (name === 'rente') return { name: 'interest' };
  if (name === 'inzicht') return { name: 'insights' };
  if (name === 'brieven') return { name: 'letters' };
  if (name === 'start') return { name: 'setup' };
  if (name === 'importeren') return { name: 'imports' };
  if (name === 'vandaag') return { name: 'today' };
  if (name === 'sjablonen') return { name: 'templates' };
  if (name === 'bellen' && Number(arg) > 0) return { name: 'call', debtorId: Number(arg) };
  if (name === 'herinnering' && Number(arg) > 0) {
    const [, , step, callEventId] = hash.replace(/^#\/?/, '').split('/');
    if ((mailSteps as readonly string[]).includes(step ?? '')) {
      return { name: 'draft', debtorId: Number(arg), step: step as MailStep, ...(Number(callEventId) > 0 ? { callEventId: Number(callEventId) } : {}) };
    }
  }
  return { name: 'home' };
}

export function hashOf(route: Route): string {
  switch (route.name) {
    case 'debtors': return '#/debiteuren';
    case 'imports': return '#/importeren';
    case 'debtor': return `#/debiteur/${route.id}`;
    case 'handover': return `#/overdracht/${route.id}`;
    case 'settings': return '#/instellingen';
    case 'interest': return '#/rente';
    case 'insights': return '#/inzicht';
    case 'letters': return '#/brieven';
    case 'setup': return '#/start';
    case 'today': return '#/vandaag';
    case 'templates': return '#/sjablonen';
    case 'call': return `#/bellen/${route.debtorId}`;
    case 'draft': return `#/herinnering/${route.debtorId}/${route.step}${route.callEventId ? `/${route.callEventId}` : ''}`;
    default: return '#/';
  }
}

interface AppState {
  language: Language;
  t: Messages;
  route: Route;
  info: AppInfo | null;
  setLanguage(language: Language): void;
  navigate(route: Route): void;
  refreshInfo(): Promise<AppInfo>;
}

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('openstaand.language')) as Language | null;
const initialLanguage: Language = saved === 'en' ? 'en' : 'nl';

export const useApp = create<AppState>((set) => ({
  language: initialLanguage,
  t: messages[initialLanguage],
  route: routeFromHash(location.hash),
  info: null,
  setLanguage(language) {
    localStorage.setItem('openstaand.language', language);
    document.documentElement.lang = language;
    set({ language, t: messages[language] });
  },
  navigate(route) {
    if (location.hash !== hashOf(route)) history.pushState(null, '', hashOf(route));
    set({ route });
    window.scrollTo(0, 0);
  },
  async refreshInfo() {
    const info = await call('app.info', {});
    set({ info });
    return info;
  },
}));

window.addEventListener('popstate', () => useApp.setState({ route: routeFromHash(location.hash) }));
