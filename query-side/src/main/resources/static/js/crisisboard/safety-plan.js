// The safety plan's step 6, means by means: a row per means and what was agreed for it, added and
// removed on the page; forms.js sends each row (data-item) as one item of meansAgreed.
(function () {
  const fieldset = document.getElementById('plan-means');
  const template = document.getElementById('means-row');
  const add = document.getElementById('add-means');
  if (!fieldset || !template || !add) return;
  let next = fieldset.querySelectorAll('.means-row').length;

  function addRow() {
    const row = template.content.firstElementChild.cloneNode(true);
    const index = next++;
    row.querySelector('.means-input').id = 'means-' + index;
    row.querySelector('.means-label').htmlFor = 'means-' + index;
    row.querySelector('.agreed-input').id = 'agreed-' + index;
    row.querySelector('.agreed-label').htmlFor = 'agreed-' + index;
    add.before(row);
    return row;
  }

  add.addEventListener('click', () => addRow().querySelector('input').focus());
  // Removing a row moves the focus to the next control, never to the page's top.
  fieldset.addEventListener('click', (event) => {
    const remove = event.target.closest('.remove-means');
    if (!remove) return;
    remove.closest('.means-row').remove();
    add.focus();
  });
  if (next === 0) addRow();
})();
