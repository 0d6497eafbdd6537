/*
 * Bản Tin: client-side search for the exported site (loaded only by tim-kiem.html).
 *
 * Plain ES5, no modules and no build step: the site must work as copied, from disk,
 * in the old browsers still found on office computers.
 *
 * The index is { "articles": [ { t: title, u: url from the site root, d: "dd/mm/yyyy",
 * s: sapo, f: folded text } ] }, newest first. `f` is folded by the exporter (lower
 * case, Vietnamese marks removed, đ -> d); the query is folded the same way here, so
 * "nong thon moi" finds "nông thôn mới". An article matches when `f` contains every
 * word of the query.
 *
 * Where the index comes from: window.BANTIN_SEARCH_INDEX when static/search-index.js
 * has set it (the only way that works for a page opened from disk, where browsers
 * refuse to fetch files), otherwise search-index.json from the site root.
 *
 * Results are built with createElement/textContent only: titles and sapos are data
 * and must never be parsed as HTML.
 */
(function () {
  'use strict';

  var MAX_RESULTS = 50;
  var DEBOUNCE_MS = 200;

  var box = document.getElementById('search');
  var input = document.getElementById('q');
  var statusEl = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!box || !input || !statusEl || !list) return;

  var root = box.getAttribute('data-root') || '';
  var form = input.form;
  var articles = null; // the index, once loaded
  var loadFailed = false;
  var timer = null;

  // ---- folding ---------------------------------------------------------------

  // For browsers without String.prototype.normalize (Internet Explorer): the
  // precomposed Vietnamese vowels, mapped to their base letter.
  var VOWELS = {
    a: 'àáạảãâầấậẩẫăằắặẳẵ',
    e: 'èéẹẻẽêềếệểễ',
    i: 'ìíịỉĩ',
    o: 'òóọỏõôồốộổỗơờớợởỡ',
    u: 'ùúụủũưừứựửữ',
    y: 'ỳýỵỷỹ'
  };
  var VOWEL_RES = [];
  for (var base in VOWELS) {
    if (Object.prototype.hasOwnProperty.call(VOWELS, base)) {
      VOWEL_RES.push([new RegExp('[' + VOWELS[base] + ']', 'g'), base]);
    }
  }

  // Same folding as the exporter and the app: decompose, drop the combining marks
  // (all of Vietnamese's fall in U+0300-U+036F), đ/Đ -> d, lower case.
  function fold(s) {
    s = String(s);
    if (typeof s.normalize === 'function') {
      s = s.normalize('NFD');
    }
    s = s.replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (typeof ''.normalize !== 'function') {
      for (var i = 0; i < VOWEL_RES.length; i++) {
        s = s.replace(VOWEL_RES[i][0], VOWEL_RES[i][1]);
      }
    }
    return s;
  }

  // Query words: split on spaces and punctuation, as the app's own search does, so
  // "11-NQ/TW" or a quoted word still match the article's text.
  var SEPARATORS = /[\s!-\/:-@\[-`{-~\u00ab\u00bb\u2010-\u2015\u2018-\u201f\u2026]+/;

  function queryWords(q) {
    var parts = fold(q).split(SEPARATORS);
    var words = [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i]) words.push(parts[i]);
    }
    return words;
  }

  // ---- the query in the address ------------------------------------------------

  function queryFromUrl() {
    var search = window.location.search.replace(/^\?/, '');
    if (!search) return '';
    var pairs = search.split('&');
    for (var i = 0; i < pairs.length; i++) {
      var eq = pairs[i].indexOf('=');
      var key = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
      if (key === 'q') {
        var value = eq < 0 ? '' : pairs[i].substring(eq + 1);
        try {
          return decodeURIComponent(value.replace(/\+/g, ' '));
        } catch (e) {
          return value; // a malformed % escape: use it as typed
        }
      }
    }
    return '';
  }

  // Keeps ?q= in step with the box, so the address can be copied, and Back and reload
  // show the same results. Some browsers refuse this for file:// pages; the search
  // works regardless.
  function updateUrl(q) {
    if (!window.history || typeof window.history.replaceState !== 'function') return;
    var url = window.location.pathname + (q ? '?q=' + encodeURIComponent(q) : '');
    try {
      window.history.replaceState(null, '', url);
    } catch (e) {
      /* ignored: see above */
    }
  }

  // ---- loading the index ---------------------------------------------------------

  function setStatus(text) {
    statusEl.textContent = text;
  }

  function useIndex(data) {
    articles = data && Array.isArray(data.articles) ? data.articles : [];
    run();
  }

  function loadIndex() {
    if (window.BANTIN_SEARCH_INDEX) {
      useIndex(window.BANTIN_SEARCH_INDEX);
      return;
    }
    // XMLHttpRequest rather than fetch: it is in every browser this site may meet,
    // and it fails the same way (an error) where fetch would.
    var xhr;
    try {
      xhr = new XMLHttpRequest();
      xhr.open('GET', root + 'search-index.json', true);
    } catch (e) {
      failed();
      return;
    }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      // status 0 with a body: some browsers allow reading local files this way.
      if ((xhr.status >= 200 && xhr.status < 300) || (xhr.status === 0 && xhr.responseText)) {
        var data;
        try {
          data = JSON.parse(xhr.responseText);
        } catch (e) {
          failed();
          return;
        }
        useIndex(data);
      } else {
        failed();
      }
    };
    try {
      xhr.send();
    } catch (e) {
      failed();
    }
  }

  function failed() {
    loadFailed = true;
    setStatus('Không tải được dữ liệu tìm kiếm. Hãy mở trang này qua trang web của đơn vị, ' +
      'hoặc xem bài viết theo chuyên mục.');
  }

  // ---- searching and showing results ---------------------------------------------

  function search(words) {
    var found = [];
    for (var i = 0; i < articles.length; i++) {
      var a = articles[i];
      var f = typeof a.f === 'string' ? a.f : '';
      var all = true;
      for (var w = 0; w < words.length; w++) {
        if (f.indexOf(words[w]) < 0) {
          all = false;
          break;
        }
      }
      if (all) found.push(a); // the index is newest first, so results are too
    }
    return found;
  }

  function clearResults() {
    while (list.firstChild) list.removeChild(list.firstChild);
  }

  // "15/04/2022" -> "2022-04-15", for <time datetime>; empty when not in that shape.
  function isoDate(d) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d || '');
    if (!m) return '';
    return m[3] + '-' + (m[2].length < 2 ? '0' : '') + m[2] + '-' + (m[1].length < 2 ? '0' : '') + m[1];
  }

  function renderItem(a) {
    var li = document.createElement('li');
    li.className = 'search-result';

    var title = document.createElement('h2');
    title.className = 'item-title';
    var link = document.createElement('a');
    link.setAttribute('href', root + (a.u || ''));
    link.textContent = a.t || '';
    title.appendChild(link);
    li.appendChild(title);

    if (a.d) {
      var meta = document.createElement('p');
      meta.className = 'item-meta';
      var time = document.createElement('time');
      var iso = isoDate(a.d);
      if (iso) time.setAttribute('datetime', iso);
      time.textContent = a.d;
      meta.appendChild(time);
      li.appendChild(meta);
    }

    if (a.s) {
      var sapo = document.createElement('p');
      sapo.className = 'item-sapo';
      sapo.textContent = a.s;
      li.appendChild(sapo);
    }
    return li;
  }

  function run() {
    clearResults();
    if (loadFailed) return; // the error message stays in place
    var words = queryWords(input.value);
    if (!words.length) {
      setStatus('');
      return;
    }
    if (articles === null) {
      setStatus('Đang tải dữ liệu tìm kiếm…');
      return; // run() is called again once the index is in
    }

    var found = search(words);
    if (!found.length) {
      setStatus('Không tìm thấy bài viết phù hợp.');
      return;
    }
    setStatus(found.length > MAX_RESULTS
      ? found.length + ' kết quả, hiển thị ' + MAX_RESULTS + ' bài mới nhất.'
      : found.length + ' kết quả');

    var shown = Math.min(found.length, MAX_RESULTS);
    for (var i = 0; i < shown; i++) {
      list.appendChild(renderItem(found[i]));
    }
  }

  // ---- wiring ----------------------------------------------------------------------

  function onInput() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      updateUrl(input.value);
      run();
    }, DEBOUNCE_MS);
  }

  input.addEventListener('input', onInput, false);

  // Enter searches at once, in place, instead of reloading the page.
  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      updateUrl(input.value);
      run();
    }, false);
  }

  var initial = queryFromUrl();
  if (initial) input.value = initial;
  run();
  loadIndex();
})();
