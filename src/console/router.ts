import { createRouter, createWebHashHistory } from 'vue-router';
import { onSignedOut } from './api';
import { homeOf, loadMe, session } from './session';
import { markNavigation } from './timing';

const PAGES = {
  search: () => import('./pages/CaseSearchPage.vue'),
  login: () => import('./pages/LoginPage.vue'),
  intake: () => import('./pages/IntakePage.vue'),
  workList: () => import('./pages/WorkListPage.vue'),
  case: () => import('./pages/CasePage.vue'),
};

/** Loads every page's code while the browser is idle, so a first visit costs its data, not a chunk download. */
export function prefetchPages(): void {
  const load = () => Object.values(PAGES).forEach((page) => void page());
  if ('requestIdleCallback' in window) requestIdleCallback(load);
  else setTimeout(load, 200);
}

// Hash history: the service serves one page at /console/, and no path of the app ever reaches it.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    // Never shown: the guard sends `/` to the account's home page.
    { path: '/', component: PAGES.search },
    { path: '/login', component: PAGES.login, meta: { public: true } },
    { path: '/intake', component: PAGES.intake },
    { path: '/desk', component: PAGES.workList, props: { source: 'inbox' } },
    { path: '/my-cases', component: PAGES.workList, props: { source: 'mine' } },
    { path: '/cases', component: PAGES.search },
    { path: '/cases/:id', component: PAGES.case, props: true },
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
  // An expired session brings the user back, after signing in again, to where they were.
  const here = router.currentRoute.value;
  void router.replace(here.meta.public === true ? '/login' : { path: '/login', query: { next: here.fullPath } });
});
