import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { session } from '@/session';
import PortalPage from '@/pages/PortalPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    titleKey?: string;
    requiresLogin?: boolean;
  }
}

// The portal's home is in the first bundle; every other page is its own chunk.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'portal', component: PortalPage, meta: { titleKey: 'portal.title' } },
  {
    path: '/thu-tuc/:code',
    name: 'procedure',
    component: () => import('@/pages/ProcedurePage.vue'),
    props: true,
  },
  {
    path: '/quy-trinh/:code/phien-ban',
    name: 'process-versions',
    component: () => import('@/pages/ProcessVersionsPage.vue'),
    props: true,
    meta: { titleKey: 'versions.title' },
  },
  {
    path: '/dang-nhap',
    name: 'login',
    component: () => import('@/pages/LoginPage.vue'),
    meta: { titleKey: 'login.title' },
  },
  {
    path: '/can-bo',
    name: 'office',
    component: () => import('@/pages/OfficeHomePage.vue'),
    meta: { titleKey: 'office.title', requiresLogin: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/pages/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach(async (to) => {
    if (!to.meta.requiresLogin) return true;
    await session.ensureChecked();
    return session.state.user ? true : { name: 'login', query: { next: to.fullPath } };
  });
  return router;
}
