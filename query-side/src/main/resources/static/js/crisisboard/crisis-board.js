// The live crisis board: on each change the server sends, it asks for the rows as the server
// draws them (order, grouping, labels in one place), announces new and escalated episodes, keeps
// the keyboard focus where it was, and counts the clocks: time left, time on the line, time since
// a deadline was missed.
(function () {
  const data = document.getElementById('board-labels');
  const labels = data ? JSON.parse(data.textContent) : {};
  const label = (key) => labels[key] || key.substring(key.indexOf('.') + 1);
  const body = document.querySelector('#board tbody');
  const status = document.getElementById('board-status');

  // Under an hour as minutes and seconds (a call's pace); longer as hours and minutes.
  function duration(seconds) {
    if (seconds < 3600) {
      return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    }
    const minutes = Math.floor(seconds / 60);
    return label('board.hoursMinutes')
      .replace('{0}', Math.floor(minutes / 60))
      .replace('{1}', String(minutes % 60).padStart(2, '0'));
  }

  function tick() {
    const now = Date.now();
    body.querySelectorAll('td.left[data-deadline]').forEach((td) => {
      const shown = td.querySelector('.countdown') || td;
      const seconds = Math.round((Date.parse(td.dataset.deadline) - now) / 1000);
      shown.textContent = seconds < 0 ? label('board.overdue') : duration(seconds);
      td.closest('tr').classList.toggle('overdue', seconds < 0);
    });
    body.querySelectorAll('[data-since]').forEach((element) => {
      const seconds = Math.max(0, Math.round((now - Date.parse(element.dataset.since)) / 1000));
      element.textContent = element.classList.contains('ago')
        ? label('board.ago').replace('{0}', duration(seconds))
        : duration(seconds);
    });
  }

  function rowsOf(tbody) {
    const rows = new Map();
    tbody.querySelectorAll('tr[data-crisis]').forEach((tr) => rows.set(tr.dataset.crisis, tr));
    return rows;
  }

  function announce(before, after) {
    const news = [];
    after.forEach((tr, id) => {
      const name = tr.querySelector('td.who a').textContent.replace(/\s+/g, ' ').trim();
      const old = before.get(id);
      if (!old) {
        news.push(label('board.announceNew').replace('{0}', name));
      } else if (tr.dataset.tier && tr.dataset.tier !== old.dataset.tier) {
        news.push(label('board.announceEscalated').replace('{0}', name)
          .replace('{1}', tr.querySelector('td.tier').textContent));
      }
    });
    if (news.length) status.textContent = news.join(' ');
  }

  // The new rows replace the old; whatever had the focus (a row's link) gets it back in its row.
  function redraw(html) {
    const template = document.createElement('template');
    template.innerHTML = '<table>' + html + '</table>';
    const fresh = template.content.querySelector('tbody');
    if (!fresh) return;
    const focused = document.activeElement;
    const focusedRow = body.contains(focused) ? focused.closest('tr[data-crisis]') : null;
    const before = rowsOf(body);
    announce(before, rowsOf(fresh));
    body.replaceChildren(...fresh.children);
    tick();
    document.dispatchEvent(new Event('maplebridge:board'));
    if (focusedRow) {
      const again = body.querySelector(`tr[data-crisis='${focusedRow.dataset.crisis}'] a`);
      if (again) again.focus({ preventScroll: true });
    }
  }

  let asking = false;
  let askAgain = false;
  async function refresh() {
    if (asking) { askAgain = true; return; }
    asking = true;
    try {
      const answer = await fetch('/crisis-board/rows', { credentials: 'same-origin' });
      if (answer.ok) redraw(await answer.text());
    } finally {
      asking = false;
      if (askAgain) { askAgain = false; refresh(); }
    }
  }

  const live = new EventSource('/api/crisis-board/stream');
  live.addEventListener('board', refresh);
  setInterval(tick, 1000);
  tick();
})();
