// A page's command forms post the same JSON the API takes, to the API itself: one set of rules,
// checks, idempotency and authorisation for both. On success the next page is asked for "after"
// the write, so it already shows the change; on refusal the problem is shown on the form.
//
// <form class="command" action="/api/..." data-then="/intakes/{id}" [data-method="DELETE"]>:
//   name="x"                       a string (empty: left out)
//   data-type="number|boolean"     a number, or true/false from a select or checkbox
//   data-type="lines"              a textarea, one list item per line
//   data-type="datetime"           a datetime-local, sent as an instant (UTC)
//   name="x[]"                     items of a list, in page order (checkboxes: the ticked ones)
//   name="x.y"                     field y of the object x (sent even when all its fields are empty,
//                                  so that the API names each missing one)
//   name="x[].y"                   field y of an item of the list x: each element marked data-item
//                                  is one item (one with every field empty is left out)
// data-then may contain {created}: the id the write created.
(function () {
  // The viewer's time zone: the server writes the times of the next pages in it (PageTime).
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; SameSite=Lax';
  } catch (noIntl) { /* the server's zone, then */ }

  // A form that undoes or ends something asks first (data-confirm: the question).
  function confirmed(form) {
    return !form.dataset.confirm || window.confirm(form.dataset.confirm);
  }

  // The header carries the page's language's words for a refusal.
  const messages = (document.querySelector('header.top') || document.body).dataset;

  function valueOf(field) {
    const type = field.dataset.type;
    if (field.type === 'checkbox' && type === 'boolean') return field.checked;
    if (field.type === 'checkbox' || field.type === 'radio') return field.checked ? field.value : undefined;
    const raw = field.value.trim();
    if (raw === '') return undefined;
    if (type === 'number') return Number(raw);
    if (type === 'boolean') return raw === 'true';
    if (type === 'lines') return raw.split('\n').map((line) => line.trim()).filter((line) => line);
    if (type === 'datetime') return new Date(raw).toISOString();
    return raw;
  }

  function bodyOf(form) {
    const body = {};
    const items = new Map();
    for (const field of form.elements) {
      if (!field.name || field.disabled || field.name === '_csrf') continue;
      const value = valueOf(field);
      if (field.name.includes('[].')) {
        const [list, inner] = field.name.split('[].');
        body[list] = body[list] || [];
        if (value === undefined) continue;
        const row = field.closest('[data-item]');
        if (!items.has(row)) {
          items.set(row, {});
          body[list].push(items.get(row));
        }
        items.get(row)[inner] = value;
      } else if (field.name.includes('.')) {
        const [outer, inner] = field.name.split('.');
        body[outer] = body[outer] || {};
        if (value !== undefined) body[outer][inner] = value;
      } else if (field.name.endsWith('[]')) {
        const name = field.name.slice(0, -2);
        body[name] = body[name] || [];
        if (value !== undefined) body[name].push(value);
      } else if (value !== undefined) {
        body[field.name] = value;
      }
    }
    return body;
  }

  // Forgets what the last attempt was told: the marks beside the fields and the problem above.
  function clear(form) {
    form.querySelectorAll('.problem, .field-error').forEach((note) => note.remove());
    form.querySelectorAll("[aria-invalid=true]").forEach((field) => {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
  }

  // Before anything is sent: every required field empty (a list's unanswered item too) and every
  // value outside its field's range is marked beside the field, in words, and the first one gets
  // the focus. The browser's own bubbles are off (they vanish, and say nothing to a screen reader
  // after they do); the server checks the same again.
  function unfinished(form) {
    const errors = [];
    for (const field of form.elements) {
      // A nameless field sends nothing, but one that is required (a confirmation) still must be
      // answered.
      if ((!field.name && !field.required) || field.disabled || !field.willValidate) continue;
      if (field.validity.valueMissing) errors.push([field, messages.required]);
      else if (field.validity.rangeUnderflow || field.validity.rangeOverflow
        || field.validity.badInput) errors.push([field, messages.outOfRange]);
    }
    return errors;
  }

  function mark(field, text) {
    field.setAttribute('aria-invalid', 'true');
    const note = document.createElement('span');
    note.className = 'field-error error';
    note.id = (field.id || field.name) + '-error';
    note.textContent = text;
    field.setAttribute('aria-describedby', note.id);
    field.after(note);
  }

  function problemBox(form) {
    let box = form.querySelector('.problem');
    if (!box) {
      box = document.createElement('p');
      box.className = 'problem error';
      box.setAttribute('role', 'alert');
      // Focusable by script, so a refusal that names no field still takes the focus there.
      box.tabIndex = -1;
      form.prepend(box);
    }
    return box;
  }

  function show(form, problem, status) {
    const box = problemBox(form);
    const headline = messages['problem' + status] || messages.problem || '';
    box.textContent = headline + (problem.detail ? ' ' + problem.detail : '');
    const errors = problem.errors || {};
    for (const name of Object.keys(errors)) {
      const plain = name.replace(/\[.*$/, '');
      const field = form.querySelector(
        '[name="' + plain + '"], [name="' + plain + '[]"], [name^="' + plain + '."], [name^="'
        + plain + '[]."]');
      if (!field) continue;
      mark(field, errors[name]);
    }
    (form.querySelector('[aria-invalid=true]') || box).focus();
  }

  async function submit(event) {
    const form = event.target;
    if (!form.classList.contains('command')) return;
    event.preventDefault();
    clear(form);
    const missing = unfinished(form);
    if (missing.length) {
      problemBox(form).textContent = messages.problem400 || messages.problem || '';
      missing.forEach(([field, text]) => mark(field, text));
      missing[0][0].focus();
      return;
    }
    if (!confirmed(form)) return;
    const button = form.querySelector('button[type=submit], button:not([type])');
    if (button) button.disabled = true;
    form.dataset.key = form.dataset.key || crypto.randomUUID();
    try {
      const csrf = form.querySelector('input[name=_csrf]');
      const response = await fetch(form.getAttribute('action'), {
        method: form.dataset.method || 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json, application/problem+json',
          'Idempotency-Key': form.dataset.key,
          ...(csrf ? { 'X-CSRF-TOKEN': csrf.value } : {})
        },
        body: JSON.stringify(bodyOf(form))
      });
      if (response.ok) {
        const answer = response.status === 201 ? await response.json() : {};
        const then = (form.dataset.then || window.location.pathname).replace('{created}', answer.id);
        const token = response.headers.get('X-Consistency-Token');
        window.location.assign(then + (token ? (then.includes('?') ? '&' : '?') + 'after=' + token : ''));
        return;
      }
      // A refused write stored nothing: the next attempt is a new request.
      delete form.dataset.key;
      let problem = {};
      try { problem = await response.json(); } catch (notJson) { /* show the status alone */ }
      show(form, problem, response.status);
    } catch (offline) {
      show(form, {}, 503);
    } finally {
      if (button) button.disabled = false;
    }
  }

  document.addEventListener('submit', submit);
  document.querySelectorAll('form.command').forEach((form) => { form.noValidate = true; });

  // The header's badge: what waits for the signed-in person's acknowledgement, asked again while
  // the page is open (and at once when the live board changed), also in the tab's title, with a
  // short tone when the count grows if the person switched the sound on (kept in this browser).
  const badge = document.getElementById('waiting-badge');
  if (badge) {
    const title = document.title;
    const sound = document.getElementById('waiting-sound');
    let last = Number(badge.dataset.count || 0);
    if (sound) {
      sound.checked = localStorage.getItem('maplebridge.sound') === 'on';
      sound.addEventListener('change', () =>
        localStorage.setItem('maplebridge.sound', sound.checked ? 'on' : 'off'));
    }
    const tone = () => {
      try {
        const audio = new AudioContext();
        const beep = audio.createOscillator();
        beep.frequency.value = 880;
        beep.connect(audio.destination);
        beep.start();
        beep.stop(audio.currentTime + 0.3);
      } catch (noAudio) { /* the badge and the title still say it */ }
    };
    const showWaiting = (waiting) => {
      const count = waiting.count;
      badge.dataset.count = count;
      badge.querySelector('.badge-count').textContent = count;
      badge.classList.toggle('none', count === 0);
      badge.href = count === 1 ? '/crises/' + waiting.crises[0] : '/crisis-board';
      document.title = count > 0 ? '(' + count + ') ' + title : title;
      if (count > last && sound && sound.checked) tone();
      last = count;
    };
    document.title = last > 0 ? '(' + last + ') ' + title : title;
    const ask = async () => {
      try {
        const answer = await fetch('/crisis-board/waiting', { credentials: 'same-origin' });
        if (answer.ok) showWaiting(await answer.json());
      } catch (offline) { /* asked again soon */ }
    };
    setInterval(ask, 15000);
    document.addEventListener('maplebridge:board', ask);
  }

  // <select data-offers-for="other-field-id">: only the options whose data-offers list the other
  // field's value (providers that offer the chosen service).
  document.querySelectorAll('select[data-offers-for]').forEach((choice) => {
    const by = document.getElementById(choice.dataset.offersFor);
    const narrow = () => {
      let first = null;
      for (const option of choice.options) {
        option.hidden = !(option.dataset.offers || '').split(' ').includes(by.value);
        if (!option.hidden && !first) first = option;
      }
      if (choice.selectedOptions[0] && choice.selectedOptions[0].hidden && first) first.selected = true;
    };
    by.addEventListener('change', narrow);
    narrow();
  });

  // <select data-submit-on-change>: a plain GET form (sorting, filtering) sent on each choice, in
  // place of an inline onchange handler, which the Content-Security-Policy would not run.
  document.querySelectorAll('select[data-submit-on-change]').forEach((choice) => {
    choice.addEventListener('change', () => choice.form.submit());
  });
})();
