/*
 * The web gallery's search and filters: a classic script (module scripts are refused under file://). The name
 * matcher is the one in shared/logic/worker-search.ts (nameMatch), written here in plain JavaScript; a unit test
 * holds the two to the same answers.
 */
(function () {
  'use strict';

  function normalizeQuery(query) {
    return query
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/([a-z])[1-5]/g, '$1')
      .replace(/v/g, 'u')
      .replace(/[^a-z0-9\u3400-\u9fff]/g, '');
  }

  function syllables(name, pinyinText) {
    var chars = Array.from(name);
    var sylls = pinyinText.split(/\s+/).filter(Boolean).map(normalizeQuery);
    return sylls.length === chars.length ? { chars: chars, sylls: sylls } : { chars: [name.toLowerCase()], sylls: [normalizeQuery(pinyinText)] };
  }

  function spells(q, i, chars, sylls, k) {
    if (i === q.length) return true;
    if (k === sylls.length) return false;
    if (q[i] === chars[k]) return spells(q, i + 1, chars, sylls, k + 1);
    var s = sylls[k];
    for (var n = 1; n <= s.length && i + n <= q.length && q[i + n - 1] === s[n - 1]; n++) if (spells(q, i + n, chars, sylls, k + 1)) return true;
    return false;
  }

  function nameMatch(query, name, pinyinText) {
    var q = normalizeQuery(query);
    if (!q) return null;
    var s = syllables(name, pinyinText);
    for (var k = 0; k < s.sylls.length; k++) if (spells(q, 0, s.chars, s.sylls, k)) return k === 0 ? 'start' : 'inside';
    return null;
  }

  // For the parity test (run in a sandbox without a page).
  if (typeof window === 'undefined' || !window.document) {
    if (typeof globalThis !== 'undefined') globalThis.galleryNameMatch = nameMatch;
    return;
  }

  var data = window.GALLERY || { workers: [], photos: {} };
  var input = document.getElementById('q');
  var results = document.getElementById('results');
  var grid = document.getElementById('grid');
  var company = document.getElementById('company');
  var photographer = document.getElementById('photographer');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function search() {
    var q = input.value.trim();
    results.textContent = '';
    if (!normalizeQuery(q)) return;
    var found = data.workers
      .map(function (w) {
        var m = w.name === q ? 3 : nameMatch(q, w.name, w.pinyin) === 'start' ? 2 : w.name.indexOf(q) >= 0 || nameMatch(q, w.name, w.pinyin) ? 1 : 0;
        return { w: w, m: m };
      })
      .filter(function (x) { return x.m > 0; })
      .sort(function (a, b) { return b.m - a.m || a.w.pinyin.localeCompare(b.w.pinyin); })
      .slice(0, 30);
    if (!found.length) {
      results.appendChild(el('p', 'none', '没有找到。试试名字的拼音首字母，比如 zmd。'));
      return;
    }
    found.forEach(function (x) {
      var w = x.w;
      var card = el('a', 'person');
      card.href = 'workers/' + encodeURIComponent(w.id) + '.html';
      card.appendChild(el('b', '', w.name));
      if (w.company) card.appendChild(el('span', 'co', w.company));
      var row = el('span', 'thumbs');
      w.photos.slice(0, 4).forEach(function (id) {
        var img = el('img');
        img.src = 'thumbs/' + encodeURIComponent(id) + '.jpg';
        img.alt = '';
        img.loading = 'lazy';
        row.appendChild(img);
      });
      card.appendChild(row);
      var where = w.photos.map(function (id) { return (data.photos[id] || {}).number; }).filter(Boolean);
      if (where.length) card.appendChild(el('span', 'where', '在 ' + where.join('、')));
      results.appendChild(card);
    });
  }

  function filter() {
    var c = company.value;
    var p = photographer.value;
    Array.prototype.forEach.call(grid.children, function (a) {
      a.hidden = (c && a.getAttribute('data-company') !== c) || (p && a.getAttribute('data-photographer') !== p);
    });
  }

  if (input) input.addEventListener('input', search);
  if (company) company.addEventListener('change', filter);
  if (photographer) photographer.addEventListener('change', filter);
})();
