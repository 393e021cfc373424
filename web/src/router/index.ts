import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { session } from '@/session';
import { isAdmin, seesDirectory } from '@/lib/roles';
import PortalPage from '@/pages/PortalPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    titleKey?: string;
    requiresLogin?: boolean;
    /** Who may open the page (the server enforces it too): administrators, or those who read the directory. */
    access?: 'admin' | 'directory';
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
    // The back office: its own chunk (layout, menu and pages), never in the portal's first load.
    path: '/can-bo',
    component: () => import('@/layouts/OfficeLayout.vue'),
    meta: { requiresLogin: true },
    children: [
      { path: '', name: 'office', component: () => import('@/pages/OfficeHomePage.vue'), meta: { titleKey: 'office.title' } },
      {
        path: 'nhan-su',
        name: 'people',
        component: () => import('@/pages/PeoplePage.vue'),
        meta: { titleKey: 'people.title', access: 'directory' },
      },
      {
        path: 'nhan-su/them',
        name: 'person-new',
        component: () => import('@/pages/PersonCreatePage.vue'),
        meta: { titleKey: 'person.createTitle', access: 'admin' },
      },
      {
        path: 'nhan-su/:username',
        name: 'person-edit',
        component: () => import('@/pages/PersonEditPage.vue'),
        props: true,
        meta: { titleKey: 'person.editTitle', access: 'admin' },
      },
      {
        path: 'khoa-truy-cap',
        name: 'tokens',
        component: () => import('@/pages/TokensPage.vue'),
        meta: { titleKey: 'tokens.title' },
      },
      {
        path: 'quy-trinh/:code/soan-thao',
        name: 'process-editor',
        component: () => import('@/pages/ProcessEditorPage.vue'),
        props: true,
        meta: { titleKey: 'editor.title' },
      },
      {
        path: 'khong-co-quyen',
        name: 'forbidden',
        component: () => import('@/pages/ForbiddenPage.vue'),
        meta: { titleKey: 'forbidden.title' },
      },
    ],
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
    const user = session.state.user;
    if (!user) return { name: 'login', query: { next: to.fullPath } };
    const allowed = to.meta.access === 'admin' ? isAdmin(user) : to.meta.access === 'directory' ? seesDirectory(user) : true;
    return allowed ? true : { name: 'forbidden', replace: true };
  });
  return router;
}
