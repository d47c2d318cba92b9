/* The transcript page's behaviour: search, speaker filter, keys, and the audio player.
   It reads its data from the JSON block #ip-data and never turns text into markup: matches
   are wrapped by splitting text nodes, so nothing the transcript says can run as code. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ip-data').textContent);
  var turns = Array.prototype.slice.call(document.querySelectorAll('article.turn'));
  var controls = document.getElementById('ip-controls');
  var search = document.getElementById('ip-search');
  var status = document.getElementById('ip-status');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-speaker-filter]'));
  var marked = [];
  var timer = null;
  controls.hidden = false;

  function measure() {
    var sticky = window.getComputedStyle(controls).position === 'sticky';
    var height = sticky ? controls.offsetHeight : 0;
    document.documentElement.style.setProperty('--controls', height + 'px');
  }
  measure();
  window.addEventListener('resize', measure);

  function pattern(query) {
    var text = query.trim();
    if (!text) { return null; }
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  }

  function unmark() {
    marked.forEach(function (mark) {
      var parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    });
    marked = [];
  }

  function mark(turn, re) {
    var words = turn.querySelector('.words');
    var walker = document.createTreeWalker(words, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var found = false;
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var from = 0;
      var piece = document.createDocumentFragment();
      var match;
      re.lastIndex = 0;
      while ((match = re.exec(text)) !== null) {
        if (!match[0]) { re.lastIndex += 1; continue; }
        piece.appendChild(document.createTextNode(text.slice(from, match.index)));
        var hit = document.createElement('mark');
        hit.className = 'hit';
        hit.textContent = match[0];
        piece.appendChild(hit);
        marked.push(hit);
        from = match.index + match[0].length;
      }
      if (from === 0) { return; }
      found = true;
      piece.appendChild(document.createTextNode(text.slice(from)));
      node.parentNode.replaceChild(piece, node);
    });
    return found;
  }

  function apply() {
    var re = pattern(search.value);
    var shown = {};
    var hidden = [];
    boxes.forEach(function (box) {
      shown[box.getAttribute('data-speaker-filter')] = box.checked;
      if (!box.checked) { hidden.push(data.speakers[Number(box.getAttribute('data-speaker-filter'))]); }
    });
    unmark();
    var count = 0;
    turns.forEach(function (turn) {
      var visible = shown[turn.getAttribute('data-speaker')] !== false;
      if (visible && re) { visible = mark(turn, re); }
      turn.hidden = !visible;
      if (visible) { count += 1; }
    });
    if (!re && !hidden.length) { status.textContent = ''; return; }
    var message = count + ' of ' + turns.length + ' turns shown';
    if (re) { message += ' containing \u201c' + search.value.trim() + '\u201d'; }
    if (hidden.length) { message += '; hidden: ' + hidden.join(', '); }
    status.textContent = message + '.';
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, 120);
  }

  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) { return null; }
    if (target.hidden) {
      search.value = '';
      boxes.forEach(function (box) { box.checked = true; });
      apply();
    }
    return target;
  }

  function land(target) {
    if (target && target.classList.contains('turn')) {
      window.setTimeout(function () { target.focus({ preventScroll: true }); }, 0);
    }
  }

  function move(step) {
    var visible = turns.filter(function (turn) { return !turn.hidden; });
    if (!visible.length) { return; }
    var active = document.activeElement;
    var current = active && active.closest ? active.closest('article.turn') : null;
    var at = current ? visible.indexOf(current) : -1;
    var next = at < 0 ? (step > 0 ? 0 : visible.length - 1) : at + step;
    next = Math.max(0, Math.min(visible.length - 1, next));
    visible[next].focus();
  }

  search.addEventListener('input', later);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { window.clearTimeout(timer); apply(); }
    if (event.key === 'Escape') { search.value = ''; window.clearTimeout(timer); apply(); }
  });
  boxes.forEach(function (box) { box.addEventListener('change', apply); });

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link) { land(reveal(link.getAttribute('href').slice(1))); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var typing = /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(event.target.tagName);
    if (event.key === '/' && !typing) { event.preventDefault(); search.focus(); return; }
    if (typing) { return; }
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      move(event.key === 'j' ? 1 : -1);
    }
  });
  if (location.hash) { land(reveal(location.hash.slice(1))); }

  var audio = document.getElementById('ip-audio');
  if (!audio || !data.follow) { return; }
  var starts = data.turns.map(function (time) { return time[0]; });
  var playing = null;

  function seek(seconds) {
    audio.currentTime = seconds;
    var started = audio.play();
    if (started && started.catch) { started.catch(function () {}); }
  }

  function at(seconds) {
    var low = 0;
    var high = starts.length - 1;
    var found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= seconds + 0.01) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found;
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.play') : null;
    if (button) { seek(Number(button.getAttribute('data-start'))); return; }
    var turn = event.target.closest ? event.target.closest('article.turn') : null;
    if (!turn || event.target.closest('a, button, input')) { return; }
    if (String(window.getSelection())) { return; }
    seek(starts[Number(turn.getAttribute('data-index'))]);
  });
  audio.addEventListener('timeupdate', function () {
    var index = at(audio.currentTime);
    var turn = index < 0 ? null : turns[index];
    if (turn === playing) { return; }
    if (playing) { playing.classList.remove('playing'); playing.removeAttribute('aria-current'); }
    if (turn) { turn.classList.add('playing'); turn.setAttribute('aria-current', 'true'); }
    playing = turn;
  });
}());
