// The compilation editor: reorder chapters and items by drag and drop or with the Up/Down buttons
// (keyboard: Tab to a button, Enter or Space), remove, edit titles and notes, then save the whole
// structure with the version this page was rendered with (PUT /api/compilations/{id}). A stale
// version answers 409: nothing is saved, and the page lists what the other editor changed.
(function () {
  'use strict';
  var main = document.querySelector('.compilation-page');
  if (!main || main.getAttribute('data-editor') !== 'true') { return; }
  var form = document.getElementById('compilation-form');
  var status = document.getElementById('save-status');
  var conflict = document.getElementById('conflict');
  var id = main.getAttribute('data-id');
  var version = parseInt(main.getAttribute('data-version'), 10);
  var csrfToken = document.querySelector('meta[name=csrf-token]');
  var csrfHeader = document.querySelector('meta[name=csrf-header]');

  function say(text, isError) {
    status.hidden = false;
    status.textContent = text;
    status.classList.toggle('error', !!isError);
  }

  function swap(el, direction) {
    if (direction < 0 && el.previousElementSibling) {
      el.parentNode.insertBefore(el, el.previousElementSibling);
      return true;
    }
    if (direction > 0 && el.nextElementSibling) {
      el.parentNode.insertBefore(el.nextElementSibling, el);
      return true;
    }
    return false;
  }

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-move], button[data-remove]');
    if (!button) { return; }
    event.preventDefault();
    var move = button.getAttribute('data-move');
    var remove = button.getAttribute('data-remove');
    if (move) {
      var chapterMove = move.indexOf('chapter') === 0;
      var el = button.closest(chapterMove ? '.chapter' : '.item');
      var direction = move.slice(-2) === 'up' ? -1 : 1;
      var moved = swap(el, direction);
      if (!moved && !chapterMove) {
        // Past the first or last item of a chapter: into the neighbouring chapter.
        var chapter = el.closest('.chapter');
        var next = direction < 0 ? chapter.previousElementSibling : chapter.nextElementSibling;
        if (next) {
          var list = next.querySelector('.items');
          if (direction < 0) { list.appendChild(el); } else { list.insertBefore(el, list.firstElementChild); }
          moved = true;
        }
      }
      if (moved) {
        button.focus(); // the same button keeps focus, so repeated presses keep moving the same entry
        say(form.getAttribute('data-messages-moved'));
      }
    } else if (remove) {
      var gone = button.closest(remove === 'chapter' ? '.chapter' : '.item');
      var focusNext = gone.nextElementSibling || gone.previousElementSibling;
      gone.remove();
      say(form.getAttribute('data-messages-removed'));
      if (focusNext) { var b = focusNext.querySelector('button'); if (b) { b.focus(); } }
    }
  });

  // Drag and drop of items, within and across chapters.
  var dragged = null;
  form.addEventListener('dragstart', function (event) {
    var item = event.target.closest && event.target.closest('.item');
    if (!item) { return; }
    dragged = item;
    item.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', item.getAttribute('data-item'));
  });
  form.addEventListener('dragend', function () {
    if (dragged) { dragged.classList.remove('dragging'); }
    dragged = null;
  });
  form.addEventListener('dragover', function (event) {
    if (!dragged) { return; }
    var list = event.target.closest && event.target.closest('.items');
    if (!list) { return; }
    event.preventDefault();
    var over = event.target.closest('.item');
    if (over && over !== dragged) {
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? over.nextElementSibling : over);
    } else if (!over) {
      list.appendChild(dragged);
    }
  });
  form.addEventListener('drop', function (event) {
    if (dragged) { event.preventDefault(); say(form.getAttribute('data-messages-moved')); }
  });

  function structure() {
    return {
      version: version,
      title: document.getElementById('title').value,
      preface: document.getElementById('preface').value,
      chapters: Array.prototype.map.call(form.querySelectorAll('.chapter'), function (chapter) {
        return {
          id: parseInt(chapter.getAttribute('data-chapter'), 10),
          title: chapter.querySelector('.chapter-title').value,
          items: Array.prototype.map.call(chapter.querySelectorAll('.item'), function (item) {
            return { id: parseInt(item.getAttribute('data-item'), 10), note: item.querySelector('.note').value };
          })
        };
      })
    };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrfToken && csrfHeader) { headers[csrfHeader.content] = csrfToken.content; }
    fetch('/api/compilations/' + id, { method: 'PUT', headers: headers, body: JSON.stringify(structure()), credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (r) {
        if (r.status === 200) {
          version = r.body.version;
          main.setAttribute('data-version', String(version));
          conflict.hidden = true;
          say(form.getAttribute('data-messages-saved') + ' (v' + version + ')');
        } else if (r.status === 409) {
          var list = conflict.querySelector('.conflict-changes');
          list.textContent = '';
          (r.body.changes || []).forEach(function (change) {
            var li = document.createElement('li');
            li.textContent = change.username + ' · ' + change.detail;
            list.appendChild(li);
          });
          conflict.hidden = false;
          status.hidden = true;
          conflict.focus && conflict.focus();
        } else {
          say(form.getAttribute('data-messages-failed') + ' ' + ((r.body.error && r.body.error.message) || r.status), true);
        }
      })
      .catch(function (e) { say(form.getAttribute('data-messages-failed') + ' ' + e, true); });
  });
})();
