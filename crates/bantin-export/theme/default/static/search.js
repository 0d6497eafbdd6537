/*
 * Bản Tin: client-side search for the exported site (loaded only by tim-kiem.html).
 *
 * Plain ES5, no modules and no build step: the site must work as copied, from disk,
 * in the old browsers still found on office computers.
 *
 * The index is { "articles": [ { t: title, u: url from the site root, d: "dd/mm/yyyy",
 * s: sapo, f: folded text } ] }, newest first. `f` is folded by the exporter (lower
 * case, Vietnamese marks removed, đ -> d, the i/y spellings of a syllable made one:
 * kỹ and kĩ are both "ki"); the query is folded the same way here, so "nong thon moi"
 * finds "nông thôn mới" and "kĩ thuật" finds "kỹ thuật". An article matches when `f`
 * contains every word of the query. A word no article has that was typed as raw
 * Telex, VNI or VIQR keys ("hooij", "ho6i5": the input method was off) is also looked
 * for as the syllable it spells, and the status says "Kết quả cho: hội nghị".
 *
 * The folding and decoding (BantinSearch) mirror bantin-core's text.rs and typing.rs;
 * a test in bantin-export runs both on the same table in node, so keep them in step.
 *
 * Where the index comes from: window.BANTIN_SEARCH_INDEX when static/search-index.js
 * has set it (the only way that works for a page opened from disk, where browsers
 * refuse to fetch files), otherwise search-index.json from the site root.
 *
 * Results are built with createElement/textContent only: titles and sapos are data
 * and must never be parsed as HTML.
 */
var BantinSearch = (function () {
  'use strict';

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

  function nfc(s) {
    return typeof s.normalize === 'function' ? s.normalize('NFC') : s;
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

  // A syllable whose rhyme is a lone y after an initial consonant (kỹ, lý, quý, sỹ, tỷ)
  // is also spelt with i (kĩ, lí, quí, sĩ, tỉ); the index has the i. A y starting a
  // syllable (yêu, y tế) or after a vowel (thủy, tuy, huy) is no such spelling.
  var Y_VARIANT = /^(b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

  // Query words: split on spaces and punctuation, as the app's own search does, so
  // "11-NQ/TW" or a quoted word still match the article's text.
  var SEPARATORS = /[\s!-\/:-@\[-`{-~\u00ab\u00bb\u2010-\u2015\u2018-\u201f\u2026]+/;

  // The folded words of a text, as the index holds them.
  function queryWords(q) {
    var parts = fold(q).split(SEPARATORS);
    var words = [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i]) words.push(parts[i].replace(Y_VARIANT, '$1i'));
    }
    return words;
  }

  // The plain folded words of a piece whose last word ends in a bare y that the index
  // spells i: "quy" being typed may be the start of "quyết". "quý" gets none.
  function yPrefixWords(piece) {
    var lower = nfc(String(piece)).toLowerCase().split(SEPARATORS);
    var last = '';
    for (var i = 0; i < lower.length; i++) {
      if (lower[i]) last = lower[i];
    }
    if (last.charAt(last.length - 1) !== 'y') return null;
    var plain = fold(piece).split(SEPARATORS);
    var words = [];
    for (var j = 0; j < plain.length; j++) {
      if (plain[j]) words.push(plain[j]);
    }
    return words.join(' ') === queryWords(piece).join(' ') ? null : words;
  }

  // ---- raw Telex, VNI and VIQR keys ------------------------------------------------

  var RHYMES = {};
  (
    'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt ' +
    'âc âm ân âng âp ât âu ây e ec em en eng eo ep et ê êch êm ên ênh êp êt êu ' +
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
    'o oc oi om on ong op ot ooc oong oa oac oach oai oam oan oang oanh oao oap oat oay ' +
    'oăc oăm oăn oăng oăt oe oen oeo oet ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
    'u ua uc ui um un ung up ut uân uâng uât uây uê uêch uênh uơ ' +
    'uôc uôi uôm uôn uông uôt uy uya uych uyên uyêt uynh uyt uyu ' +
    'ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêng yêt yêu'
  ).replace(/\S+/g, function (r) {
    RHYMES[r] = true;
    return r;
  });
  var INITIALS = {};
  'b c ch d g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x đ'.replace(/\S+/g, function (r) {
    INITIALS[r] = true;
    return r;
  });
  // sắc, huyền, hỏi, ngã, nặng
  var TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  var ALL_VOWELS = 'aăâeêioôơuưy';

  function isVowel(c) {
    return !!c && c.length === 1 && ALL_VOWELS.indexOf(c) >= 0;
  }

  // Letters and tone as the keys build them.
  function Spelling() {
    this.letters = [];
    this.tone = -1;
    this.keysUsed = false;
  }
  Spelling.prototype.hasVowel = function () {
    for (var i = 0; i < this.letters.length; i++) {
      if (isVowel(this.letters[i])) return true;
    }
    return false;
  };
  // [start, end) of the last run of vowels: the vowels a mark may go on.
  Spelling.prototype.vowelRun = function () {
    var end = this.letters.length;
    while (end > 0 && !isVowel(this.letters[end - 1])) end--;
    var start = end;
    while (start > 0 && isVowel(this.letters[start - 1])) start--;
    return [start, end];
  };
  Spelling.prototype.runHas = function (c) {
    var run = this.vowelRun();
    for (var i = run[0]; i < run[1]; i++) {
      if (this.letters[i] === c) return true;
    }
    return false;
  };
  // Applies one key; false when it has nothing to act on.
  Spelling.prototype.apply = function (kind, arg) {
    var L = this.letters;
    var run = this.vowelRun();
    var i;
    if (kind === 'letter') {
      L.push(arg);
      return true;
    }
    if (kind === 'tone') {
      if (!this.hasVowel() || this.tone >= 0) return false;
      this.tone = arg;
    } else if (kind === 'hat') {
      for (i = run[1] - 1; i >= run[0]; i--) {
        if (arg ? L[i] === arg : 'aeo'.indexOf(L[i]) >= 0) break;
      }
      if (i < run[0]) return false;
      L[i] = L[i] === 'a' ? 'â' : L[i] === 'e' ? 'ê' : 'ô';
    } else if (kind === 'horn') {
      var done = false;
      // uo takes the horn on both letters: đường, người.
      for (i = run[0]; i + 1 < run[1]; i++) {
        if ((L[i] === 'u' || L[i] === 'ư') && (L[i + 1] === 'o' || L[i + 1] === 'ơ')) {
          L[i] = 'ư';
          L[i + 1] = 'ơ';
          done = true;
          break;
        }
      }
      if (!done) {
        for (i = run[1] - 1; i >= run[0]; i--) {
          if (L[i] === 'u' || L[i] === 'o') break;
        }
        if (i < run[0]) return false;
        L[i] = L[i] === 'u' ? 'ư' : 'ơ';
      }
    } else if (kind === 'breve') {
      for (i = run[1] - 1; i >= run[0]; i--) {
        if (L[i] === 'a') break;
      }
      if (i < run[0]) return false;
      L[i] = 'ă';
    } else if (kind === 'stroke') {
      if (L[0] !== 'd') return false;
      L[0] = 'đ';
    }
    this.keysUsed = true;
    return true;
  };

  function isLetter(c) {
    return c >= 'a' && c <= 'z';
  }

  // Telex: aa ee oo hat, aw ow uw horn or breve (w alone is ư), dd stroke, s f r x j
  // the tones once a vowel is typed.
  function telex(word) {
    var s = new Spelling();
    for (var i = 0; i < word.length; i++) {
      var c = word.charAt(i);
      var ok;
      if ('sfrxj'.indexOf(c) >= 0 && s.hasVowel()) {
        ok = s.apply('tone', 'sfrxj'.indexOf(c));
      } else if ((c === 'a' || c === 'e' || c === 'o') && s.runHas(c)) {
        ok = s.apply('hat', c);
      } else if (c === 'w' && !s.hasVowel()) {
        s.keysUsed = true;
        ok = s.apply('letter', 'ư');
      } else if (c === 'w') {
        ok = s.apply(s.runHas('u') || s.runHas('o') ? 'horn' : 'breve');
      } else if (c === 'd' && s.letters.length === 1 && s.letters[0] === 'd') {
        ok = s.apply('stroke');
      } else if (isLetter(c)) {
        ok = s.apply('letter', c);
      } else {
        return null;
      }
      if (!ok) return null;
    }
    return s;
  }

  // VNI: digits after the letters, 1-5 the tones, 6 hat, 7 horn, 8 breve, 9 stroke.
  // VIQR: ' ` ? ~ . the tones, ^ hat, + horn, ( breve, dd stroke.
  var VNI = { '6': 'hat', '7': 'horn', '8': 'breve', '9': 'stroke' };
  var VIQR = { '^': 'hat', '+': 'horn', '(': 'breve' };
  var VIQR_TONES = '\'`?~.';

  function vniOrViqr(word, viqr) {
    var s = new Spelling();
    for (var i = 0; i < word.length; i++) {
      var c = word.charAt(i);
      var ok;
      if (!viqr && c >= '1' && c <= '5') {
        ok = s.apply('tone', c.charCodeAt(0) - 49);
      } else if (!viqr && VNI[c]) {
        ok = s.apply(VNI[c]);
      } else if (viqr && VIQR_TONES.indexOf(c) >= 0) {
        ok = s.apply('tone', VIQR_TONES.indexOf(c));
      } else if (viqr && VIQR[c]) {
        ok = s.apply(VIQR[c]);
      } else if (viqr && c === 'd' && s.letters.length === 1 && s.letters[0] === 'd') {
        ok = s.apply('stroke');
      } else if (isLetter(c)) {
        ok = s.apply('letter', c);
      } else {
        return null;
      }
      if (!ok) return null;
    }
    return s;
  }

  // Whether initial + rhyme is a Vietnamese syllable (without its tone).
  function valid(initial, rhyme) {
    var front = rhyme.charAt(0);
    var soft = front === 'i' || front === 'e' || front === 'ê' || front === 'y';
    if (initial === '') return !!RHYMES[rhyme];
    // The u of qu is the rhyme's own: quốc is u + ôc.
    if (initial === 'qu') return rhyme !== '' && (!!RHYMES[rhyme] || !!RHYMES['u' + rhyme]);
    // k, gh, ngh only before i, e, ê (and the y of kỹ); c, g, ng everywhere else.
    if (initial === 'k' || initial === 'gh' || initial === 'ngh') {
      return soft && !!RHYMES[rhyme] && rhyme.indexOf('yê') !== 0;
    }
    if (initial === 'c' || initial === 'g' || initial === 'ng') return !soft && !!RHYMES[rhyme];
    return !!INITIALS[initial] && !!RHYMES[rhyme] && rhyme.indexOf('yê') !== 0;
  }

  // Where the tone goes in a rhyme, as Unikey places it by default (hòa, thủy).
  function toneAt(rhyme) {
    var vowels = 0;
    while (vowels < rhyme.length && isVowel(rhyme[vowels])) vowels++;
    for (var i = vowels - 1; i >= 0; i--) {
      if ('ăâêôơư'.indexOf(rhyme[i]) >= 0) return i;
    }
    if (rhyme.length > vowels) return vowels - 1;
    return vowels === 3 ? 1 : 0;
  }

  function syllable(s) {
    var L = s.letters;
    var consonants = 0;
    while (consonants < L.length && !isVowel(L[consonants])) consonants++;
    var head = L.slice(0, consonants).join('');
    var splits = [];
    if (head === 'q' && L[consonants] === 'u') {
      splits.push([consonants + 1, 'qu']);
    } else if (head === 'g' && L[consonants] === 'i') {
      // In gì, gìn the i of gi is the rhyme's too.
      splits.push([isVowel(L[consonants + 1]) ? consonants + 1 : consonants, 'gi']);
    }
    splits.push([consonants, head]);
    for (var k = 0; k < splits.length; k++) {
      var start = splits[k][0];
      var rhyme = L.slice(start);
      var rhymeText = rhyme.join('');
      if (!valid(splits[k][1], rhymeText)) continue;
      // A rhyme closed by p, t, c, ch takes only sắc or nặng.
      if (/(p|t|c|ch)$/.test(rhymeText) && s.tone !== 0 && s.tone !== 4) continue;
      var at = start + toneAt(rhyme);
      var out = '';
      for (var i = 0; i < L.length; i++) {
        out += L[i];
        if (i === at && s.tone >= 0) out += TONES[s.tone];
      }
      return nfc(out);
    }
    return null;
  }

  // The syllable a space-separated piece of a query spells when typed as raw Telex,
  // VNI or VIQR keys, or null. A capital first letter is kept; a word in capitals is
  // taken for an abbreviation (UBND, TW) and left alone.
  function decodeWord(word) {
    word = nfc(String(word));
    if (!/^[\x20-\x7e]*$/.test(word) || !/[A-Za-z]/.test(word)) return null;
    if (/[A-Za-z].*[A-Za-z]/.test(word) && !/[a-z]/.test(word)) return null;
    var lower = word.toLowerCase();
    var s;
    if (/^[a-z]+$/.test(lower)) {
      s = telex(lower);
    } else if (/^[a-z0-9]+$/.test(lower)) {
      s = vniOrViqr(lower, false);
    } else if (/[\^(+~'`.?]/.test(lower.replace(/[.?]+$/, ''))) {
      // A word ending in . or ? is more likely a sentence's end than VIQR.
      s = vniOrViqr(lower, true);
    }
    if (!s || !s.keysUsed) return null;
    var decoded = syllable(s);
    if (decoded && /^[A-Z]/.test(word)) {
      decoded = decoded.charAt(0).toUpperCase() + decoded.substring(1);
    }
    return decoded;
  }

  // The pieces of a query (split at spaces), each with its alternatives: arrays of
  // folded words that must all occur. `isKnown(words)` says whether the index has an
  // article with these words; a piece typed as raw keys is decoded only when not.
  function queryTerms(q, isKnown) {
    var pieces = String(q).split(/\s+/);
    var terms = [];
    var shown = [];
    var decodedAny = false;
    var kept = [];
    for (var i = 0; i < pieces.length; i++) {
      if (queryWords(pieces[i]).length) kept.push(pieces[i]);
    }
    for (var j = 0; j < kept.length; j++) {
      var piece = kept[j];
      var alts = [queryWords(piece)];
      if (j === kept.length - 1) {
        var plain = yPrefixWords(piece);
        if (plain) alts.push(plain);
      }
      var show = nfc(piece);
      var decoded = decodeWord(piece);
      if (decoded && !isKnown(alts[0])) {
        alts.push(queryWords(decoded));
        show = decoded;
        decodedAny = true;
      }
      terms.push(alts);
      shown.push(show);
    }
    return { terms: terms, decoded: decodedAny ? shown.join(' ') : null };
  }

  function textOf(a) {
    return a && typeof a.f === 'string' ? a.f : '';
  }

  function hasAll(f, words) {
    for (var w = 0; w < words.length; w++) {
      if (f.indexOf(words[w]) < 0) return false;
    }
    return true;
  }

  // The articles of the index matching the query, in index order (newest first), and
  // the query as decoded, when a piece was decoded and something was found.
  function search(articles, q) {
    var plan = queryTerms(q, function (words) {
      for (var i = 0; i < articles.length; i++) {
        if (hasAll(textOf(articles[i]), words)) return true;
      }
      return false;
    });
    var found = [];
    if (!plan.terms.length) return { found: found, decoded: null };
    for (var i = 0; i < articles.length; i++) {
      var f = textOf(articles[i]);
      var all = true;
      for (var t = 0; t < plan.terms.length && all; t++) {
        var any = false;
        for (var k = 0; k < plan.terms[t].length && !any; k++) {
          any = hasAll(f, plan.terms[t][k]);
        }
        all = any;
      }
      if (all) found.push(articles[i]);
    }
    return { found: found, decoded: found.length ? plan.decoded : null };
  }

  return {
    search: search,
    fold: fold,
    queryWords: queryWords,
    yPrefixWords: yPrefixWords,
    decodeWord: decodeWord,
    queryTerms: queryTerms
  };
})();

if (typeof module === 'object' && module.exports) module.exports = BantinSearch;

(function (lib) {
  'use strict';

  if (typeof document === 'undefined') return; // loaded by a test in node

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
    if (!lib.queryWords(input.value).length) {
      setStatus('');
      return;
    }
    if (articles === null) {
      setStatus('Đang tải dữ liệu tìm kiếm…');
      return; // run() is called again once the index is in
    }

    var result = lib.search(articles, input.value);
    var found = result.found;
    if (!found.length) {
      setStatus('Không tìm thấy bài viết phù hợp.');
      return;
    }
    // Words typed with the input method off were searched as what they spell.
    setStatus((result.decoded ? 'Kết quả cho: ' + result.decoded + '. ' : '') +
      (found.length > MAX_RESULTS
        ? found.length + ' kết quả, hiển thị ' + MAX_RESULTS + ' bài mới nhất.'
        : found.length + ' kết quả'));

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
})(BantinSearch);
