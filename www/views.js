// One view at a time, chosen by the URL's #fragment, so each view can be linked to and the back button works.
const views = [...document.querySelectorAll('main > section.view')];
const links = [...document.querySelectorAll('nav .tabs a')];

function show() {
  const wanted = views.find((v) => `#${v.id}` === location.hash) ?? views[0];
  for (const view of views) view.hidden = view !== wanted;
  for (const link of links) {
    if (link.hash === `#${wanted.id}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

addEventListener('hashchange', show);
show();
