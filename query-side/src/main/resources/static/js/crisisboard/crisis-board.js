// The live crisis board: redraws the rows from the server's events and counts deadlines down.
(function () {
  const data = document.getElementById('board-labels');
  const labels = data ? JSON.parse(data.textContent) : {};
  const label = (key) => labels[key] || key.substring(key.indexOf('.') + 1);
  const body = document.querySelector('#board tbody');

  function cell(text, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    td.textContent = text || '';
    return td;
  }

  function draw(board) {
    const rows = board.items.map((item) => {
      const tr = document.createElement('tr');
      tr.dataset.crisis = item.crisisId;
      if (item.risk === 'IMMINENT' || item.risk === 'HIGH') tr.className = 'risk';
      const opened = cell('');
      const link = document.createElement('a');
      link.href = '/crises/' + item.crisisId;
      link.textContent = new Date(item.openedAt).toTimeString().substring(0, 5);
      opened.append(link);
      tr.append(
        opened,
        cell(item.risk ? label('risk.' + item.risk) : '', 'risk-level'),
        cell(label('crisisStatus.' + item.status), 'status'),
        cell(item.tier ? label('tier.' + item.tier) : '', 'tier'),
        cell(item.tier ? label(item.acknowledged ? 'board.acknowledged' : 'board.waiting') : '', 'ack'));
      const left = cell('', 'left');
      if (item.nextDeadline) left.dataset.deadline = item.nextDeadline;
      tr.append(left);
      return tr;
    });
    body.replaceChildren(...rows);
    tick();
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll('#board td.left[data-deadline]').forEach((td) => {
      const seconds = Math.round((Date.parse(td.dataset.deadline) - now) / 1000);
      if (seconds < 0) {
        td.textContent = label('board.overdue');
      } else {
        const m = Math.floor(seconds / 60);
        td.textContent = m + ':' + String(seconds % 60).padStart(2, '0');
      }
    });
  }

  const live = new EventSource('/api/crisis-board/stream');
  live.addEventListener('board', (event) => draw(JSON.parse(event.data)));
  setInterval(tick, 1000);
  tick();
})();
