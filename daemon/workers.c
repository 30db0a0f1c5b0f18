/* A small thread pool for the CPU work of a poll (parsing feeds, reading
 * pages, extracting quotes), so it runs beside the event loop instead of
 * stalling every transfer and timer while it runs.
 *
 * A job's work function runs on a worker thread and touches only its own
 * argument (the pure core in lib/ keeps no shared mutable state); its done
 * function runs afterwards on the loop thread, woken through an eventfd.
 * With no threads, submit runs both at once on the caller's thread. */
#include "daemon.h"

#include <errno.h>
#include <string.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "quoted/log.h"
#include "quoted/util.h"

struct job {
	work_fn work;
	work_done_fn done;
	void *arg;
	struct job *next;
};

struct job_list {
	struct job *head, *tail;
};

struct workers {
	struct event_base *base;
	pthread_t *threads;
	int n_threads;
	int wake_fd; /* eventfd: finished jobs are waiting for the loop */
	struct event *wake;
	pthread_mutex_t lock;
	pthread_cond_t ready;
	struct job_list queue, finished; /* under lock */
	size_t queued;                  /* submitted, done not yet run */
	bool stop;
};

static void list_push(struct job_list *l, struct job *j)
{
	j->next = NULL;
	if (l->tail)
		l->tail->next = j;
	else
		l->head = j;
	l->tail = j;
}

static struct job *list_pop(struct job_list *l)
{
	struct job *j = l->head;
	if (j) {
		l->head = j->next;
		if (!l->head)
			l->tail = NULL;
	}
	return j;
}

static void *worker_main(void *arg)
{
	struct workers *w = arg;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct job *j;
		while (!(j = list_pop(&w->queue)) && !w->stop)
			pthread_cond_wait(&w->ready, &w->lock);
		if (!j)
			break; /* stopping and nothing left to do */
		pthread_mutex_unlock(&w->lock);
		j->work(j->arg);
		pthread_mutex_lock(&w->lock);
		bool was_empty = !w->finished.head;
		list_push(&w->finished, j);
		if (was_empty) {
			uint64_t one = 1;
			/* Only fails when the counter would overflow: already woken. */
			(void)!write(w->wake_fd, &one, sizeof one);
		}
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* Run the done functions of every finished job, on the loop thread. */
static void workers_run_finished(struct workers *w)
{
	pthread_mutex_lock(&w->lock);
	struct job_list done = w->finished;
	w->finished = (struct job_list){0};
	pthread_mutex_unlock(&w->lock);
	struct job *j;
	while ((j = list_pop(&done))) {
		w->queued--;
		j->done(j->arg);
		free(j);
	}
}

static void workers_wake_cb(evutil_socket_t fd, short what, void *arg)
{
	uint64_t n;
	(void)!read(fd, &n, sizeof n);
	workers_run_finished(arg);
}

struct workers *workers_new(struct event_base *base, int threads)
{
	struct workers *w = xcalloc(1, sizeof *w);
	w->base = base;
	w->wake_fd = -1;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->ready, NULL);
	if (threads <= 0)
		return w;
	w->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (w->wake_fd < 0) {
		log_warn("cannot create an eventfd (%s); parsing on the loop thread", strerror(errno));
		return w;
	}
	w->wake = event_new(base, w->wake_fd, EV_READ | EV_PERSIST, workers_wake_cb, w);
	event_add(w->wake, NULL);
	w->threads = xcalloc((size_t)threads, sizeof *w->threads);
	for (int i = 0; i < threads; i++) {
		int rc = pthread_create(&w->threads[w->n_threads], NULL, worker_main, w);
		if (rc != 0) {
			log_warn("cannot start worker thread %d: %s", i + 1, strerror(rc));
			break;
		}
		w->n_threads++;
	}
	return w;
}

void workers_submit(struct workers *w, work_fn work, work_done_fn done, void *arg)
{
	if (w->n_threads == 0) {
		work(arg);
		done(arg);
		return;
	}
	struct job *j = xcalloc(1, sizeof *j);
	*j = (struct job){.work = work, .done = done, .arg = arg};
	w->queued++;
	pthread_mutex_lock(&w->lock);
	list_push(&w->queue, j);
	pthread_cond_signal(&w->ready);
	pthread_mutex_unlock(&w->lock);
}

size_t workers_queued(const struct workers *w)
{
	return w->queued;
}

void workers_free(struct workers *w)
{
	if (!w)
		return;
	/* Jobs already queued still run (they are short and bounded by the
	 * body cap), and their done functions run here, so nothing they own
	 * is leaked. */
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->ready);
	pthread_mutex_unlock(&w->lock);
	for (int i = 0; i < w->n_threads; i++)
		pthread_join(w->threads[i], NULL);
	workers_run_finished(w);
	if (w->wake)
		event_free(w->wake);
	if (w->wake_fd >= 0)
		close(w->wake_fd);
	pthread_cond_destroy(&w->ready);
	pthread_mutex_destroy(&w->lock);
	free(w->threads);
	free(w);
}
