// Lesson page progress (the lesson page ships no framework JavaScript: csr = false). Plain script, no build step.
// Once loaded it reports the opening (the page's GET writes nothing).
// Every ~30 s while the page is visible AND someone did something since the last beat (scroll, key, pointer,
// touch): a heartbeat with the last ## heading reached. A tab left open with nobody there sends nothing, so it
// adds no time (the server also caps each beat and each lesson's total). Reaching the end (staying there for a
// moment, or following a link at the end) reports it; the server completes the lesson once it has also recorded
// enough reading time (a third of the planned minutes), at that report or a later beat. Without JavaScript the
// "mark as completed" form does the same.
(function () {
	var root = document.querySelector('[data-lesson-progress]');
	// Tests and scripts wait for this mark before clicking (the root layout sets it on pages that hydrate); here
	// it comes once the opening is recorded (below), so what follows sees the lesson as opened.
	function ready() {
		document.documentElement.setAttribute('data-hydrated', '');
	}
	if (!root || !window.fetch) return ready();
	var endpoint = root.getAttribute('data-lesson-progress');
	// The page's GET writes nothing (a preload or a link checker opens nothing): the opening is this report. It
	// adds no reading time; it marks where the next heartbeat's time starts, as the page being served did before.
	fetch(endpoint, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ open: true }),
		keepalive: true,
		credentials: 'same-origin'
	})
		.catch(function () {})
		.then(ready);
	var completed = root.hasAttribute('data-completed');
	var headings = Array.prototype.slice.call(root.querySelectorAll('.lesson-body h2[id]'));
	var end = document.getElementById('lesson-end');

	function position() {
		var id = '';
		for (var i = 0; i < headings.length; i++) {
			if (headings[i].getBoundingClientRect().top < window.innerHeight * 0.4) id = headings[i].id;
		}
		return id;
	}
	// The server answers every report with what it recorded: { completed, endReached, missingMinutes,
	// certificate }. `complete: true` only says the end was reached; the server completes the lesson when its own
	// records show enough reading time, at this report or a later heartbeat.
	function send(complete) {
		return fetch(endpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ position: position(), complete: !!complete }),
			keepalive: true,
			credentials: 'same-origin'
		})
			.then(function (response) {
				return response.ok ? response.json() : null;
			})
			.then(show)
			.catch(function () {});
	}
	var shownCompleted = completed;
	function show(state) {
		if (!state || !end) return;
		var form = end.querySelector('form[data-complete]');
		if (state.completed && !shownCompleted && form) {
			shownCompleted = true;
			var rule = end.querySelector('[data-rule], [data-missing]');
			if (rule) rule.remove();
			var note = document.createElement('p');
			note.className = 'notice ok';
			note.setAttribute('role', 'status');
			note.textContent = '✓ ' + form.getAttribute('data-complete');
			form.replaceWith(note);
			if (state.certificate && !end.querySelector('[data-finish]')) {
				var finish = document.createElement('div');
				finish.className = 'notice ok finish';
				finish.setAttribute('data-finish', '');
				var strong = document.createElement('strong');
				strong.textContent = form.getAttribute('data-finish-text');
				var p1 = document.createElement('p');
				p1.appendChild(strong);
				var link = document.createElement('a');
				link.href = state.certificate;
				link.textContent = form.getAttribute('data-finish-link');
				var p2 = document.createElement('p');
				p2.appendChild(link);
				finish.appendChild(p1);
				finish.appendChild(p2);
				note.after(finish);
			}
		} else if (!state.completed && state.endReached && state.missingMinutes > 0 && form) {
			// Refused quietly: the end is noted, the time is not there yet. Say what is missing.
			var missing = end.querySelector('[data-missing]');
			if (!missing) {
				missing = document.createElement('p');
				missing.className = 'notice warn';
				missing.setAttribute('role', 'status');
				missing.setAttribute('data-missing', '');
				var old = end.querySelector('[data-rule]');
				if (old) old.replaceWith(missing);
				else form.before(missing);
			}
			missing.textContent = form.getAttribute('data-missing-text').replace('{minutes}', state.missingMinutes);
		}
	}

	// Activity since the last beat. Loading the page is not activity: an untouched tab never beats.
	var active = false;
	function markActive() {
		active = true;
	}
	['keydown', 'pointermove', 'pointerdown', 'touchstart', 'wheel'].forEach(function (type) {
		window.addEventListener(type, markActive, { passive: true, capture: true });
	});
	// Capture also sees scrolling inside regions (wide tables), whose scroll events do not bubble.
	document.addEventListener('scroll', markActive, { passive: true, capture: true });
	function beat() {
		if (!active) return;
		active = false;
		send(false);
	}

	setInterval(function () {
		if (document.visibilityState === 'visible') beat();
	}, 30000);
	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'hidden') beat();
	});

	// The end is reached once it stays in view for 2 s while the tab is visible. No scroll position is required:
	// a lesson short enough to fit the screen shows its end at once (the page may still scroll a few pixels, so
	// "not scrollable" would not catch it), and a long lesson shows its end only after the learner got there.
	if (end && 'IntersectionObserver' in window && !completed) {
		var endVisible = false;
		var timer = null;
		var check = function () {
			if (completed) return;
			var reached = endVisible && document.visibilityState === 'visible';
			if (reached && timer === null) {
				timer = setTimeout(finish, 2000);
			} else if (!reached && timer !== null) {
				clearTimeout(timer);
				timer = null;
			}
		};
		var finish = function () {
			completed = true;
			observer.disconnect();
			document.removeEventListener('visibilitychange', check);
			send(true);
		};
		var observer = new IntersectionObserver(function (entries) {
			// Several entries may queue up for the one target: the last is the current state.
			endVisible = entries[entries.length - 1].isIntersecting;
			check();
		});
		observer.observe(end);
		document.addEventListener('visibilitychange', check);
	}

	// "Następna lekcja" (or the quiz, or back to the course) is at the end: following it says the end was reached,
	// with the time since the last heartbeat, so a reader who leaves at once is not left with "started".
	// keepalive lets the report finish after the page has gone.
	if (end && !completed) {
		end.addEventListener('click', function (event) {
			var link = event.target.closest && event.target.closest('.pager a.next');
			if (link && !shownCompleted) send(true);
		});
	}

	// Printing shows every scenario explanation, whatever was opened on screen.
	var closed = [];
	window.addEventListener('beforeprint', function () {
		closed = Array.prototype.slice.call(document.querySelectorAll('details:not([open])'));
		closed.forEach(function (d) {
			d.open = true;
		});
	});
	window.addEventListener('afterprint', function () {
		closed.forEach(function (d) {
			d.open = false;
		});
	});
})();
