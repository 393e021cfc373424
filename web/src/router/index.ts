import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { session } from '@/session';
import { isAdmin, isReception, seesDirectory, seesStats } from '@/lib/roles';
import PortalPage from '@/pages/PortalPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    titleKey?: string;
    requiresLogin?: boolean;
    /** Who may open the page (the server enforces it too): administrators, or those who read the directory. */
    access?: 'admin' | 'directory' | 'reception' | 'stats';
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
    path: '/tra-cuu',
    name: 'lookup',
    component: () => import('@/pages/LookupPage.vue'),
    meta: { titleKey: 'lookup.title' },
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
      { path: 'ho-so', name: 'inbox', component: () => import('@/pages/InboxPage.vue'), meta: { titleKey: 'inbox.title' } },
      {
        path: 'ho-so/:code',
        name: 'dossier',
        component: () => import('@/pages/DossierPage.vue'),
        props: true,
      },
      {
        path: 'tiep-nhan',
        name: 'reception',
        component: () => import('@/pages/ReceptionPage.vue'),
        meta: { titleKey: 'reception.title', access: 'reception' },
      },
      {
        path: 'mo-ho-so-cong-viec',
        name: 'case-open',
        component: () => import('@/pages/CaseOpenPage.vue'),
        meta: { titleKey: 'cases.title' },
      },
      {
        path: 'thong-ke',
        name: 'dashboard',
        component: () => import('@/pages/DashboardPage.vue'),
        meta: { titleKey: 'dashboard.title', access: 'stats' },
      },
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
      {
        path: 'thong-ke/ho-so',
        name: 'dossier-list',
        component: () => import('@/pages/DossierListPage.vue'),
        meta: { titleKey: 'dossierList.title' },
      },
      {
        path: 'ho-so-tre-han',
        name: 'late-dossiers',
        component: () => import('@/pages/LateDossiersPage.vue'),
        meta: { titleKey: 'late.title', access: 'stats' },
      },
      {
        path: 'lich-co-quan',
        name: 'agency-calendar',
        component: () => import('@/pages/AgencyCalendarPage.vue'),
        meta: { titleKey: 'agencyCalendar.title', access: 'admin' },
      },
      {
        path: 'co-quan',
        name: 'agency',
        component: () => import('@/pages/AgencyPage.vue'),
        meta: { titleKey: 'agencyPage.title', access: 'admin' },
      },
      {
        path: 'thong-bao',
        name: 'notifications',
        component: () => import('@/pages/NotificationsPage.vue'),
        meta: { titleKey: 'notifications.title' },
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
    const rules = { admin: isAdmin, directory: seesDirectory, reception: isReception, stats: seesStats };
    const allowed = to.meta.access ? rules[to.meta.access](user) : true;
    return allowed ? true : { name: 'forbidden', replace: true };
  });
  return router;
}
