/**
 * The dashboard's pages, one per hash route, so that the background and notifications can open
 * a page directly (`dashboard.html#/contact/<id>`, `#/due`) and the browser's back button works.
 * The one home of the route format: the background and the popup build their links here too,
 * which is why this module imports nothing (no React in the background).
 */
export type Route =
  | { page: 'list'; due: boolean }
  | { page: 'contact'; id: string }
  | { page: 'duplicates' }
  | { page: 'introductions' }
  | { page: 'import' }
  // `now`: start the backup download at once (the popup's "Back up now").
  | { page: 'export'; now?: boolean }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [head = '', ...rest] = path.split('/');
  switch (head) {
    case 'due':
      return { page: 'list', due: true };
    case 'contact': {
      let id = '';
      try {
        id = decodeURIComponent(rest.join('/'));
      } catch {
        // A mangled link: show everyone instead.
      }
      return id ? { page: 'contact', id } : { page: 'list', due: false };
    }
    case 'export':
      return rest[0] === 'now' ? { page: 'export', now: true } : { page: 'export' };
    case 'duplicates':
    case 'introductions':
    case 'import':
    case 'settings':
      return { page: head };
    default:
      return { page: 'list', due: false };
  }
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'list':
      return route.due ? '#/due' : '#/';
    case 'contact':
      return `#/contact/${encodeURIComponent(route.id)}`;
    case 'export':
      return route.now ? '#/export/now' : '#/export';
    default:
      return `#/${route.page}`;
  }
}

/**
 * The dashboard page at the route, as a path inside the extension (for `runtime.getURL`).
 * Everyone, the first page, is the bare page without a hash.
 */
export function dashboardPath(route: Route): `/dashboard.html${string}` {
  return `/dashboard.html${route.page === 'list' && !route.due ? '' : routeHref(route)}`;
}

export function navigate(route: Route): void {
  location.hash = routeHref(route);
}
