// vaml4j episode player: draws the pictures of org.vaml4j.render.picture.PictureEncoder on a
// canvas, with play/pause, scrubbing, speed and a read-out of step, time and return.
// Defined once per page; each embedded player calls vaml4jPlayer(root, data).
(function () {
  if (window.vaml4jPlayer) return;

  function paint(c, p, colors) {
    if (typeof p === 'number') return colors[p];
    var g, k;
    if (p[0] === 1) {
      g = c.createLinearGradient(p[1], p[2], p[3], p[4]);
      k = 5;
    } else {
      g = c.createRadialGradient(p[1], p[2], 0, p[1], p[2], p[3]);
      k = 4;
    }
    for (; k < p.length; k += 2) g.addColorStop(p[k], colors[p[k + 1]]);
    return g;
  }

  function fillAndStroke(c, s, colors) {
    c.fillStyle = paint(c, s[1], colors);
    c.fill();
    if (s[2]) {
      c.strokeStyle = colors[s[2][0]];
      c.lineWidth = s[2][1];
      c.lineJoin = 'round';
      c.stroke();
    }
  }

  window.vaml4jPlayer = function (root, data) {
    var canvas = root.querySelector('canvas');
    var ctx = canvas.getContext('2d');
    var playButton = root.querySelector('.vp-play');
    var scrub = root.querySelector('.vp-scrub');
    var speed = root.querySelector('.vp-speed');
    var stepText = root.querySelector('.vp-step');
    var timeText = root.querySelector('.vp-time');
    var returnText = root.querySelector('.vp-return');
    var colors = data.colors;
    var last = data.frames.length - 1;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(data.width * ratio);
    canvas.height = Math.round(data.height * ratio);
    var layer = document.createElement('canvas');
    layer.width = canvas.width;
    layer.height = canvas.height;
    var layerCtx = layer.getContext('2d');

    function draw(c, shapes) {
      for (var i = 0; i < shapes.length; i++) {
        var s = shapes[i], k;
        switch (s[0]) {
          case 0:
            c.beginPath();
            c.moveTo(s[3], s[4]);
            for (k = 5; k < s.length; k += 2) c.lineTo(s[k], s[k + 1]);
            c.closePath();
            fillAndStroke(c, s, colors);
            break;
          case 1:
            c.beginPath();
            c.arc(s[3], s[4], s[5], s[9] + s[10], s[9] + 2 * Math.PI - s[10]);
            c.arc(s[6], s[7], s[8], s[9] - s[10], s[9] + s[10]);
            c.closePath();
            fillAndStroke(c, s, colors);
            break;
          case 2:
            c.beginPath();
            c.arc(s[3], s[4], s[5], 0, 2 * Math.PI);
            fillAndStroke(c, s, colors);
            break;
          case 3:
            c.beginPath();
            c.moveTo(s[3], s[4]);
            c.lineTo(s[5], s[6]);
            c.strokeStyle = colors[s[1]];
            c.lineWidth = s[2];
            c.lineCap = 'round';
            c.stroke();
            break;
          case 4:
            // a group: drawn opaque on its own layer, then laid on at the group's opacity
            layerCtx.setTransform(1, 0, 0, 1, 0, 0);
            layerCtx.clearRect(0, 0, layer.width, layer.height);
            layerCtx.setTransform(ratio, 0, 0, ratio, 0, 0);
            draw(layerCtx, s[2]);
            c.save();
            c.setTransform(1, 0, 0, 1, 0, 0);
            c.globalAlpha = s[1];
            c.drawImage(layer, 0, 0);
            c.restore();
            break;
        }
      }
    }

    var frame = 0, playing = false, clock = null, pending = 0;

    function show(k) {
      frame = Math.max(0, Math.min(last, k));
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, data.width, data.height);
      draw(ctx, data.frames[frame]);
      scrub.value = frame;
      stepText.textContent = 'step ' + frame + ' / ' + last;
      timeText.textContent = 't ' + (frame * data.dt).toFixed(2) + ' s';
      returnText.textContent = 'return ' + data.returns[frame].toFixed(1)
        + (frame === last && data.terminated ? ' (terminated)' : '');
    }

    function setPlaying(on) {
      playing = on;
      clock = null;
      pending = 0;
      playButton.textContent = on ? '\u275a\u275a' : '\u25b6';
      playButton.setAttribute('aria-label', on ? 'pause' : 'play');
      if (on) window.requestAnimationFrame(tick);
    }

    function tick(now) {
      if (!playing) return;
      if (clock !== null) pending += (now - clock) / 1000 * parseFloat(speed.value);
      clock = now;
      var steps = Math.floor(pending / data.dt);
      if (steps > 0) {
        pending -= steps * data.dt;
        show(frame + steps);
        if (frame >= last) {
          setPlaying(false);
          return;
        }
      }
      window.requestAnimationFrame(tick);
    }

    playButton.addEventListener('click', function () {
      if (!playing && frame >= last) show(0);
      setPlaying(!playing);
    });
    scrub.max = last;
    scrub.addEventListener('input', function () {
      setPlaying(false);
      show(parseInt(scrub.value, 10));
    });
    root.addEventListener('keydown', function (e) {
      if (e.target === speed) return;
      if (e.key === ' ') {
        e.preventDefault();
        playButton.click();
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        setPlaying(false);
        show(frame + (e.key === 'ArrowRight' ? 1 : -1));
      }
    });

    // #frame=N opens paused at frame N; otherwise the episode plays from the start
    var m = /(?:^#|&)frame=(\d+)/.exec(window.location.hash);
    show(m ? parseInt(m[1], 10) : 0);
    root.dataset.ready = 'true';
    if (!m) setPlaying(true);
  };
})();
