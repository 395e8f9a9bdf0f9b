/*
 * Wenshi search page enhancements. The page works without this file; with it:
 * - Enter while a Chinese input method is composing confirms the candidate and never submits
 *   (compositionstart/compositionend, KeyboardEvent.isComposing, keyCode 229);
 * - the search box offers suggestions from /api/suggest (never fetched mid-composition),
 *   a listbox navigated with the arrow keys, Enter picks, Escape closes;
 * - the sort select submits on change; long facet lists get a box that filters their values.
 * No framework; nothing here is needed to search.
 */
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var list = document.getElementById('suggestions');
  var composing = false;

  function isComposing(event) {
    return composing || event.isComposing || event.keyCode === 229;
  }

  /* Input method safety for every text field of the page's forms. */
  document.querySelectorAll('form input[type="search"]').forEach(function (field) {
    field.addEventListener('compositionstart', function () { composing = true; });
    field.addEventListener('compositionend', function () {
      composing = false;
      if (field === input) { schedule(); }
    });
    field.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && isComposing(event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    });
  });
  /* A submit started by Enter while composing (some browsers submit implicitly) is cancelled too. */
  document.querySelectorAll('form').forEach(function (f) {
    f.addEventListener('submit', function (event) {
      if (composing) { event.preventDefault(); }
    });
  });

  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { if (select.form) { select.form.submit(); } });
  });

  /* Facet value filters: shown only when this script runs. */
  document.querySelectorAll('.facet-filter').forEach(function (filter) {
    var values = document.getElementById(filter.getAttribute('aria-controls'));
    filter.hidden = false;
    filter.addEventListener('input', function () {
      var needle = filter.value.trim().toLowerCase();
      values.querySelectorAll('li').forEach(function (li) {
        var label = li.querySelector('.label');
        var text = label ? label.textContent.toLowerCase() : '';
        li.hidden = needle !== '' && text.indexOf(needle) < 0;
      });
    });
  });

  if (!form || !input || !list) { return; }

  var timer = null;
  var active = -1;
  var lastAsked = '';
  var kinds = {
    title: document.documentElement.lang === 'en' ? 'title' : '标题',
    place: document.documentElement.lang === 'en' ? 'city' : '城市',
    county: document.documentElement.lang === 'en' ? 'county' : '区县',
    province: document.documentElement.lang === 'en' ? 'province' : '省份',
    person: document.documentElement.lang === 'en' ? 'person' : '人物',
    theme: document.documentElement.lang === 'en' ? 'theme' : '主题'
  };

  function close() {
    list.hidden = true;
    list.innerHTML = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    var options = list.querySelectorAll('[role="option"]');
    options.forEach(function (o, i) { o.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(text) {
    input.value = text;
    close();
    form.submit();
  }

  function show(items) {
    list.innerHTML = '';
    if (!items.length) { close(); return; }
    items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.id = 'suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var text = document.createElement('span');
      text.textContent = item.text;
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = kinds[item.kind] || '';
      li.appendChild(text);
      li.appendChild(kind);
      li.addEventListener('mousedown', function (event) { event.preventDefault(); choose(item.text); });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  }

  function fetchSuggestions() {
    var prefix = input.value.trim();
    if (composing || prefix === lastAsked) { return; }
    lastAsked = prefix;
    if (prefix.length < 1 || prefix.length > 100) { close(); return; }
    fetch('/api/suggest?q=' + encodeURIComponent(prefix), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (body) {
        if (input.value.trim() === prefix && document.activeElement === input) { show(body.items || []); }
      })
      .catch(function () { close(); });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  }

  input.addEventListener('input', function (event) {
    if (event.isComposing || composing) { return; }
    schedule();
  });
  input.addEventListener('keydown', function (event) {
    if (isComposing(event)) { return; }
    var count = list.querySelectorAll('[role="option"]').length;
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      highlight((active + 1) % count);
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      highlight(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === 'Escape') {
      close();
    } else if (event.key === 'Enter' && active >= 0 && !list.hidden) {
      event.preventDefault();
      choose(list.querySelectorAll('[role="option"]')[active].firstChild.textContent);
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 100); });
})();
