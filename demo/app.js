// The demo sites' own front end (runs in the page, not in the extension): renders the route and
// follows links without reloading, like the real single-page apps. Plain DOM calls only, so it
// runs under a Trusted Types policy.
(function demoApp(site, people) {
  const main = document.querySelector('main');
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const personAt = (pattern) => {
    const match = pattern.exec(location.pathname);
    const slug = match ? decodeURIComponent(match[1]).toLowerCase() : null;
    return people.find((p) => p.slug.toLowerCase() === slug);
  };

  const renderLinkedIn = () => {
    const person = personAt(/^\/in\/([^/]+)/);
    if (person) {
      document.title = `${person.name} | LinkedIn`;
      const initials = person.name.split(' ').map((part) => part[0]).join('');
      return [
        el('section', { class: 'artdeco-card pv-top-card' },
          el('div', { class: 'cover' }),
          el('div', { class: 'ph5' },
            el('div', { class: 'avatar', 'aria-hidden': 'true' }, initials),
            el('div', { class: 'mt2 relative' },
              el('div', {}, el('h1', { class: 'text-heading-xlarge inline t-24 v-align-middle break-words' }, person.name)),
              el('div', { class: 'text-body-medium break-words' }, person.headline),
              el('span', { class: 'text-body-small inline t-black--light break-words' }, person.location)))),
        el('section', { class: 'artdeco-card section' }, el('h2', {}, 'About'), el('p', {}, person.about)),
      ];
    }
    if (location.pathname.startsWith('/feed')) {
      document.title = 'Feed | LinkedIn';
      return [el('section', { class: 'artdeco-card' },
        ...people.map((p) => el('div', { class: 'feed-item' },
          el('a', { href: `/in/${encodeURIComponent(p.slug)}/` }, p.name), ` shared a post · ${p.headline}`)))];
    }
    document.title = 'Page not found | LinkedIn';
    return [el('section', { class: 'artdeco-card section' }, el('h2', {}, 'This page doesn’t exist'))];
  };

  const renderXing = () => {
    const person = personAt(/^\/profile\/([^/]+)/);
    if (person) {
      document.title = `${person.name} - ${person.headline} | XING`;
      return [
        el('div', { id: 'XingIdModule' },
          el('div', { 'data-xds': 'Hero' }, el('h1', {}, person.name)),
          el('p', { 'data-xds': 'Headline' }, person.headline),
          el('p', { 'data-xds': 'BodyCopy' }, person.location)),
        el('div', { id: 'ProfileTimelineModule', class: 'module' }, el('h2', {}, 'Über mich'), el('p', {}, person.about)),
      ];
    }
    document.title = 'XING';
    return [el('div', { class: 'module' }, ...people.map((p) => el('p', {}, el('a', { href: `/profile/${p.slug}` }, p.name))))];
  };

  const render = () => main.replaceChildren(...(site === 'xing' ? renderXing() : renderLinkedIn()));
  // Like the real sites: the URL changes first, the new content arrives a little later.
  const renderSoon = () => setTimeout(render, 80);
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a');
    if (!link || link.origin !== location.origin) return;
    event.preventDefault();
    history.pushState(null, '', link.href);
    renderSoon();
  });
  addEventListener('popstate', renderSoon);
  render();
})
