import { createRouter, createWebHashHistory } from 'vue-router';
import { onSignedOut } from './api';
import { homeOf, loadMe, session } from './session';
import { markNavigation } from './timing';

// Hash history: the service serves one page at /console/, and no path of the app ever reaches it.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    // Never shown: the guard sends `/` to the account's home page.
    { path: '/', component: () => import('./pages/CaseSearchPage.vue') },
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/intake', component: () => import('./pages/IntakePage.vue') },
    { path: '/desk', component: () => import('./pages/WorkListPage.vue'), props: { source: 'inbox' } },
    { path: '/my-cases', component: () => import('./pages/WorkListPage.vue'), props: { source: 'mine' } },
    { path: '/cases', component: () => import('./pages/CaseSearchPage.vue') },
    { path: '/cases/:id', component: () => import('./pages/CasePage.vue'), props: true },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  markNavigation();
  if (to.meta.public === true) return true;
  const me = session.me ?? (await loadMe());
  if (!me) return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
  if (to.path === '/') return homeOf(me);
  return true;
});

onSignedOut(() => {
  session.me = null;
  void router.replace('/login');
});
