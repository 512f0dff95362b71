// Lesson page progress (the lesson page ships no framework JavaScript: csr = false). Plain script, no build step.
// Every ~30 s while the page is visible AND someone did something since the last beat (scroll, key, pointer,
// touch): a heartbeat with the last ## heading reached. A tab left open with nobody there sends nothing, so it
// adds no time (the server also caps each beat and each lesson's total). Reaching the end (and staying there for
// a moment) completes the lesson; without JavaScript the "mark as completed" form does the same.
(function () {
	var root = document.querySelector('[data-lesson-progress]');
	// Tests and scripts wait for this mark before clicking (the root layout sets it on pages that hydrate).
	document.documentElement.setAttribute('data-hydrated', '');
	if (!root || !window.fetch) return;
	var endpoint = root.getAttribute('data-lesson-progress');
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
	function send(complete) {
		return fetch(endpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ position: position(), complete: !!complete }),
			keepalive: true,
			credentials: 'same-origin'
		}).catch(function () {});
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
			send(true).then(function () {
				var form = end.querySelector('form[data-complete]');
				if (!form) return;
				var note = document.createElement('p');
				note.className = 'notice ok';
				note.setAttribute('role', 'status');
				note.textContent = '✓ ' + form.getAttribute('data-complete');
				form.replaceWith(note);
			});
		};
		var observer = new IntersectionObserver(function (entries) {
			// Several entries may queue up for the one target: the last is the current state.
			endVisible = entries[entries.length - 1].isIntersecting;
			check();
		});
		observer.observe(end);
		document.addEventListener('visibilitychange', check);
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
