// The roster is saved whole: every row of the table is one period, sent as the API takes it
// ({"periods":[{"tier","username","from","to"}]}) with PUT. forms.js posts flat forms; a list of
// periods needs its own body, so this page builds it and shows a refusal the same way.
(function () {
  const form = document.getElementById('roster-form');
  if (!form) return;
  const rows = form.querySelector('tbody');
  const messages = (document.querySelector('header.top') || document.body).dataset;

  document.getElementById('add-period').addEventListener('click', () => {
    rows.append(document.getElementById('new-period').content.cloneNode(true));
    rows.lastElementChild.querySelector('select').focus();
  });
  rows.addEventListener('click', (event) => {
    if (event.target.classList.contains('remove-period')) event.target.closest('tr').remove();
  });

  function periods() {
    return Array.from(rows.querySelectorAll('tr.period')).map((row) => {
      const field = (name) => row.querySelector('[name=' + name + ']').value.trim();
      const at = (name) => (field(name) ? new Date(field(name)).toISOString() : null);
      return { tier: field('tier'), username: field('username'), from: at('from'), to: at('to') };
    });
  }

  function show(problem, status) {
    let box = form.querySelector('.problem');
    if (!box) {
      box = document.createElement('p');
      box.className = 'problem error';
      box.setAttribute('role', 'alert');
      box.tabIndex = -1;
      form.prepend(box);
    }
    const detail = problem.detail || Object.values(problem.errors || {}).join(' ');
    box.textContent = (messages['problem' + status] || messages.problem || '') + ' ' + detail;
    box.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const csrf = form.querySelector('input[name=_csrf]');
    const response = await fetch(form.getAttribute('action'), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json, application/problem+json',
        ...(csrf ? { 'X-CSRF-TOKEN': csrf.value } : {})
      },
      body: JSON.stringify({ periods: periods() })
    });
    if (response.ok) {
      const token = response.headers.get('X-Consistency-Token');
      window.location.assign(form.dataset.then + (token ? '?after=' + token : ''));
      return;
    }
    let problem = {};
    try { problem = await response.json(); } catch (notJson) { /* the status alone */ }
    show(problem, response.status);
  });
})();
