// The outreach logbook on a weak connection: the form's fields are kept in localStorage while a person types,
// and an entry sent without a connection waits on the device and goes out when the browser is online again.
// Each entry carries the key the form was given (a UUID when this script makes it); the server stores one
// entry per key, so a resend never writes twice. Without this script the form posts as a plain HTML form.
(function () {
  'use strict';

  var QUEUE_KEY = 'tv-logbook-queue';
  var DRAFT_PREFIX = 'tv-logbook-draft:';
  var FIELDS = ['day', 'village_id', 'form', 'topic', 'households', 'people', 'opinions', 'follow_up',
                'written_by', 'client_key'];
  var flushing = false;
  var sentCount = 0;

  function read(key, fallback) {
    try {
      var value = window.localStorage.getItem(key);
      return value ? JSON.parse(value) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function write(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, JSON.stringify(value));
      }
      return true;
    } catch (e) {
      return false;
    }
  }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' +
      hex.slice(20);
  }

  function csrfToken() {
    var input = document.querySelector('input[name="csrf_token"]');
    return input ? input.value : '';
  }

  // ---------- the form ----------

  function fieldValues(form) {
    var values = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) {
        return;
      }
      values[name] = field.value !== undefined ? field.value : '';
    });
    return values;
  }

  function fill(form, values) {
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field || values[name] === undefined) {
        return;
      }
      // A RadioNodeList's value checks the radio of that value.
      field.value = values[name];
    });
  }

  function payloadOf(values) {
    return {
      client_key: values.client_key, date: values.day, village_id: values.village_id || null, form: values.form,
      topic: values.topic, households: values.households, people: values.people, opinions: values.opinions,
      follow_up: values.follow_up, written_by: values.written_by
    };
  }

  function startForm(form) {
    var draftKey = DRAFT_PREFIX + form.getAttribute('data-body');
    var hint = form.querySelector('[data-logbook-hint]');
    if (hint) {
      hint.hidden = false;
    }
    var draft = read(draftKey, null);
    if (form.hasAttribute('data-fresh') && draft) {
      fill(form, draft);
      setStatus('Đã khôi phục bản nháp chưa gửi.');
    } else if (!form.hasAttribute('data-fresh')) {
      write(draftKey, fieldValues(form));
    }
    if (form.hasAttribute('data-fresh') && !draft) {
      // A UUID from the browser; the server's key stays valid when the script cannot make one.
      try {
        form.elements.client_key.value = uuid();
      } catch (e) { /* keep the server's key */ }
    }
    var save = function () { write(draftKey, fieldValues(form)); };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var values = fieldValues(form);
      var item = {url: form.getAttribute('data-api'), key: values.client_key, payload: payloadOf(values),
                  queued_at: Date.now()};
      var queueIt = function () {
        var queue = read(QUEUE_KEY, []);
        if (!queue.some(function (queued) { return queued.key === item.key; })) {
          queue.push(item);
        }
        if (!write(QUEUE_KEY, queue)) {
          // No room on the device: let the plain form try, so nothing is silently dropped.
          form.submit();
          return;
        }
        write(draftKey, null);
        form.reset();
        form.elements.client_key.value = uuid();
        write(draftKey, fieldValues(form));
        setStatus('Chưa có mạng: mục nhật ký đã được giữ trên máy và sẽ tự gửi khi có mạng.');
        render();
      };
      if (!navigator.onLine) {
        queueIt();
        return;
      }
      send(item).then(function (outcome) {
        if (outcome.kind === 'sent') {
          write(draftKey, null);
          window.location.assign(form.getAttribute('data-done'));
        } else if (outcome.kind === 'offline' || outcome.kind === 'retry') {
          queueIt();
        } else {
          // The server's own page shows what is wrong, field by field.
          form.submit();
        }
      });
    });
  }

  // ---------- sending ----------

  function send(item) {
    return window.fetch(item.url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken()},
      body: JSON.stringify(item.payload)
    }).then(function (response) {
      if (response.status === 201 || response.status === 200) {
        return {kind: 'sent'};
      }
      if (response.status >= 500 || response.status === 429) {
        return {kind: 'retry'};
      }
      return response.json().then(function (body) {
        return {kind: response.status === 401 ? 'auth' : 'invalid', status: response.status,
                message: body && body.error && body.error.message ? body.error.message : 'Máy chủ từ chối mục này.'};
      }, function () {
        return {kind: response.status === 401 ? 'auth' : 'invalid', status: response.status,
                message: 'Máy chủ từ chối mục này.'};
      });
    }, function () {
      return {kind: 'offline'};
    });
  }

  function flush() {
    if (flushing || !navigator.onLine) {
      return;
    }
    var queue = read(QUEUE_KEY, []);
    var pending = queue.filter(function (item) { return !item.error; });
    if (!pending.length) {
      return;
    }
    flushing = true;
    setStatus('Đang gửi các mục nhật ký chờ trên máy…');
    var next = function (index) {
      if (index >= pending.length) {
        flushing = false;
        setStatus(sentCount ? 'Đã gửi ' + sentCount + ' mục nhật ký.' : '');
        render();
        return;
      }
      var item = pending[index];
      send(item).then(function (outcome) {
        var current = read(QUEUE_KEY, []);
        if (outcome.kind === 'sent') {
          sentCount += 1;
          write(QUEUE_KEY, current.filter(function (queued) { return queued.key !== item.key; }));
        } else if (outcome.kind === 'invalid') {
          current.forEach(function (queued) { if (queued.key === item.key) { queued.error = outcome.message; } });
          write(QUEUE_KEY, current);
        } else {
          flushing = false;
          setStatus(outcome.kind === 'auth' ? 'Phiên đăng nhập đã hết: hãy đăng nhập lại để gửi các mục chờ.'
                                            : 'Chưa gửi được; sẽ thử lại khi có mạng.');
          render();
          return;
        }
        render();
        next(index + 1);
      });
    };
    next(0);
  }

  // ---------- the waiting list ----------

  function setStatus(text) {
    var panel = document.querySelector('[data-logbook-queue]');
    var status = panel && panel.querySelector('[data-logbook-status]');
    if (!status) {
      return;
    }
    status.textContent = text;
    if (text) {
      panel.hidden = false;
    }
  }

  function render() {
    var panel = document.querySelector('[data-logbook-queue]');
    if (!panel) {
      return;
    }
    var list = panel.querySelector('[data-logbook-items]');
    var queue = read(QUEUE_KEY, []);
    list.textContent = '';
    queue.forEach(function (item) {
      var li = document.createElement('li');
      li.setAttribute('data-key', item.key);
      li.textContent = (item.payload.date || '') + ' · ' + (item.payload.topic || '(chưa ghi nội dung)') +
        (item.error ? ' — không gửi được: ' + item.error : ' — chờ gửi');
      if (item.error) {
        var drop = document.createElement('button');
        drop.type = 'button';
        drop.className = 'button';
        drop.textContent = 'Bỏ mục này';
        drop.addEventListener('click', function () {
          write(QUEUE_KEY, read(QUEUE_KEY, []).filter(function (queued) { return queued.key !== item.key; }));
          render();
        });
        li.appendChild(document.createTextNode(' '));
        li.appendChild(drop);
      }
      list.appendChild(li);
    });
    var status = panel.querySelector('[data-logbook-status]');
    panel.hidden = queue.length === 0 && !(status && status.textContent);
    panel.setAttribute('data-count', String(queue.length));
  }

  var form = document.querySelector('form[data-logbook-form]');
  if (form) {
    startForm(form);
  }
  render();
  window.addEventListener('online', flush);
  flush();
  window.setInterval(flush, 30000);
})();
