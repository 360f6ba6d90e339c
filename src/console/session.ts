import { reactive } from 'vue';
import { api, hasSession, login as apiLogin, logout as apiLogout } from './api';
import type { components } from './api-types';
import { forgetUnits } from './units';

export type Me = components['schemas']['MeDto'];
export type Role = Me['roles'][number];

export const session = reactive<{ me: Me | null }>({ me: null });

export const hasRole = (...roles: Role[]): boolean => roles.some((r) => session.me?.roles.includes(r) ?? false);

export async function loadMe(): Promise<Me | null> {
  if (!hasSession()) return null;
  session.me = await api.get<Me>('/me').catch(() => null);
  return session.me;
}

export async function signIn(username: string, password: string): Promise<void> {
  await apiLogin(username, password);
  await loadMe();
}

export async function signOut(): Promise<void> {
  await apiLogout();
  session.me = null;
  forgetUnits();
}

/** Where each role starts its day; the first role that has a page wins. */
export function homeOf(me: Me): string {
  if (me.roles.includes('operator')) return '/intake';
  if (me.roles.includes('dispatcher')) return '/desk';
  if (me.roles.includes('mediator') || me.roles.includes('legal_aid')) return '/my-cases';
  return '/cases';
}
