// "Add to compilation" on a document page: the character offsets of the selected passage in the
// document's text, as the API stores them (UTF-16 positions in the stored "text"). The page-number
// markers the page inserts between pages are not part of the text and are left out of the count.
(function () {
  'use strict';
  var form = document.getElementById('gather-form');
  var text = document.getElementById('fulltext');
  if (!form || !text) { return; }
  var start = form.querySelector('input[name=start]');
  var end = form.querySelector('input[name=end]');
  var preview = document.getElementById('gather-selection');

  function position(node, offset) {
    var range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    var fragment = range.cloneContents();
    Array.prototype.forEach.call(fragment.querySelectorAll('.page-break'), function (marker) { marker.remove(); });
    return fragment.textContent.length;
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) {
      return;
    }
    var s = position(range.startContainer, range.startOffset);
    var e = position(range.endContainer, range.endOffset);
    if (e <= s) { return; }
    start.value = String(s);
    end.value = String(e);
    var quoted = range.cloneContents();
    Array.prototype.forEach.call(quoted.querySelectorAll('.page-break'), function (marker) { marker.remove(); });
    preview.textContent = quoted.textContent.length > 80 ? quoted.textContent.slice(0, 80) + '…' : quoted.textContent;
    preview.hidden = false;
  }

  document.addEventListener('selectionchange', update);
  text.addEventListener('mouseup', update);
  text.addEventListener('keyup', update);
})();
