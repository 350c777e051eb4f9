import { en } from './en';
import { nl, type Messages } from './nl';

export type { Messages };
export type Language = 'nl' | 'en';
export const messages: Record<Language, Messages> = { nl, en };
