// The document page works without this script (hit links, page links, selectable citation);
// with it: previous/next hit buttons and the n/p keys, zoom of the page image, and copying the
// citation to the clipboard. No framework, no dependencies.
(function () {
  'use strict';

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, i) { return String(values[Number(i)]); });
  }

  // Hits: the marks of the full text, numbered from 1 by data-hit; a hit cut by a page break has two parts.
  function setUpHits() {
    var nav = document.querySelector('[data-hit-nav]');
    var count = nav ? Number(nav.getAttribute('data-count')) : 0;
    if (!nav || !count) {
      return;
    }
    var buttons = nav.querySelector('.hit-buttons');
    var position = nav.querySelector('.hit-position');
    var template = nav.getAttribute('data-position');
    var current = 0;
    var match = /^#hit-(\d+)$/.exec(window.location.hash);
    if (match) {
      current = Math.min(Number(match[1]), count);
    }

    function show(n) {
      document.querySelectorAll('mark.current').forEach(function (m) { m.classList.remove('current'); });
      var parts = document.querySelectorAll('mark[data-hit="' + n + '"]');
      parts.forEach(function (m) { m.classList.add('current'); });
      if (parts.length) {
        parts[0].scrollIntoView({ block: 'center' });
        history.replaceState(null, '', '#hit-' + n);
      }
      current = n;
      position.textContent = format(template, [n, count]);
    }

    function step(delta) {
      var n = current + delta;
      if (n < 1) { n = count; }
      if (n > count) { n = 1; }
      show(n);
    }

    buttons.hidden = false;
    buttons.querySelectorAll('[data-hit-step]').forEach(function (b) {
      b.addEventListener('click', function () { step(Number(b.getAttribute('data-hit-step'))); });
    });
    if (current) {
      show(current);
    }
    // Single-key shortcuts can be switched off (WCAG 2.1.4); the choice is remembered.
    var keys = nav.querySelector('[data-hit-keys]');
    try {
      keys.checked = window.localStorage.getItem('wenshi.hitKeys') !== 'off';
      keys.addEventListener('change', function () {
        window.localStorage.setItem('wenshi.hitKeys', keys.checked ? 'on' : 'off');
      });
    } catch (e) { /* storage refused: the checkbox still works for this page */ }
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      if (!keys.checked || event.altKey || event.ctrlKey || event.metaKey || event.isComposing
          || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) {
        return;
      }
      if (event.key === 'n' || event.key === 'j') {
        event.preventDefault();
        step(1);
      } else if (event.key === 'p' || event.key === 'k') {
        event.preventDefault();
        step(-1);
      }
    });
  }

  // Zoom: the canvas holding the image and its hit boxes is widened; the frame scrolls.
  function setUpZoom() {
    var zoom = document.querySelector('.zoom');
    var canvas = document.querySelector('.image-canvas');
    if (!zoom || !canvas) {
      return;
    }
    var levels = [1, 1.5, 2, 3, 4];
    var level = 0;
    zoom.hidden = false;
    zoom.querySelectorAll('[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        var d = Number(b.getAttribute('data-zoom'));
        level = d === 0 ? 0 : Math.max(0, Math.min(levels.length - 1, level + d));
        canvas.style.setProperty('--zoom', String(levels[level]));
        canvas.setAttribute('data-zoom', String(levels[level]));
      });
    });
  }

  // Copy: the Clipboard API where the page is a secure context, else a selected textarea and execCommand.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function setUpCopy() {
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var status = button.parentNode.querySelector('.copy-status');
      if (!source) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        copyText(source.textContent.trim()).then(function () {
          status.textContent = button.getAttribute('data-copied');
        }, function () {
          status.textContent = button.getAttribute('data-failed');
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        });
      });
    });
  }

  setUpHits();
  setUpZoom();
  setUpCopy();
}());
