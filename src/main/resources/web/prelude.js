  // The phone pages' common start (Pages puts it at the top of each page's script): the texts of the page's
  // language, a text with its {0} {1} ... filled in, and elements by id.
  const T = JSON.parse(document.getElementById('texts').textContent);
  const lang = document.documentElement.lang;
  const t = (key, ...args) => T[key].replace(/\{(\d)\}/g, (m, i) => args[i]);
  const byId = id => document.getElementById(id);
