import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import { messages, type Language, type Messages } from '../../shared/i18n';
import { call } from './api/client';

export type Route =
  | { name: 'home' }
  | { name: 'setup' }
  | { name: 'debtors' }
  | { name: 'debtor'; id: number }
  | { name: 'settings' }
  | { name: 'interest' };

export function routeFromHash(hash: string): Route {
  const [name, arg] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'debiteuren') return { name: 'debtors' };
  if (name === 'debiteur' && Number(arg) > 0) return { name: 'debtor', id: Number(arg) };
  if (name === 'instellingen') return { name: 'settings' };
  if (name === 'rente') return { name: 'interest' };
  if (name === 'start') return { name: 'setup' };
  return { name: 'home' };
}

export function hashOf(route: Route): string {
  switch (route.name) {
    case 'debtors': return '#/debiteuren';
    case 'debtor': return `#/debiteur/${route.id}`;
    case 'settings': return '#/instellingen';
    case 'interest': return '#/rente';
    case 'setup': return '#/start';
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
