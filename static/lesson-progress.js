// Lesson page progress (the lesson page ships no framework JavaScript: csr = false). Plain script, no build step.
// Every ~30 s while the page is visible: a heartbeat with the last ## heading reached. The server caps each
// heartbeat's time, so an idle tab does not count hours. Reaching the end (and staying there for a moment)
// completes the lesson; without JavaScript the "mark as completed" form does the same.
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

	setInterval(function () {
		if (document.visibilityState === 'visible') send(false);
	}, 30000);
	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'hidden') send(false);
	});

	if (end && 'IntersectionObserver' in window && !completed) {
		var timer = null;
		var observer = new IntersectionObserver(function (entries) {
			var visible = entries.some(function (e) {
				return e.isIntersecting;
			});
			if (visible && window.scrollY > 0 && timer === null) {
				timer = setTimeout(function () {
					completed = true;
					observer.disconnect();
					send(true).then(function () {
						var form = end.querySelector('form[data-complete]');
						if (!form) return;
						var note = document.createElement('p');
						note.className = 'notice ok';
						note.setAttribute('role', 'status');
						note.textContent = '✓ ' + form.getAttribute('data-complete');
						form.replaceWith(note);
					});
				}, 2000);
			} else if (!visible && timer !== null) {
				clearTimeout(timer);
				timer = null;
			}
		});
		observer.observe(end);
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
