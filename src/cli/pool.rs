//! Verifying on several threads: workers started once for the whole run, each taking the next
//! message from a shared queue as soon as it is free (a slow message holds up one worker, not a
//! batch), reading it itself (files into a buffer it keeps), verifying it and rendering its
//! output; the thread that submits the messages emits the results in input order.
//!
//! Messages are handed over in runs of up to [`RUN`] (or [`RUN_BYTES`]): one hand-off per
//! message cost a thread wake-up each (futex calls were ~7% of a 2-core run's CPU time).
//!
//! Bounds: the queue holds a few runs per worker, and results wait for the ones before them
//! within a window of [`WINDOW`] messages, after which submitting waits.

use super::sources::{self, Item};
use super::{about, say_error};
use dkimcheck::l10n::Lang;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::Scope;

/// Messages submitted but not yet emitted, at most.
const WINDOW: usize = 256;
/// Runs waiting in the queue per worker, at most.
const QUEUED_PER_WORKER: usize = 2;
/// Messages per run handed to a worker, at most.
const RUN: usize = 8;
/// A run is handed over once its messages reach this size.
const RUN_BYTES: u64 = 1 << 20;

/// What a worker does with a message: `run` with the worker's buffer; `on_panic` if `run`
/// panicked (a bug: the message is still reported, never dropped).
pub struct Job<'a, R> {
    /// Reads, verifies and renders one message.
    pub run: &'a (dyn Fn(&Item, &mut Vec<u8>) -> R + Sync),
    /// The result for a message whose `run` panicked.
    pub on_panic: &'a (dyn Fn(&Item) -> R + Sync),
}

impl<R> Clone for Job<'_, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Job<'_, R> {}

impl<R> Job<'_, R> {
    /// Runs the job on `item`, turning a panic into `on_panic`'s result.
    fn call(&self, item: &Item, buffer: &mut Vec<u8>) -> R {
        catch_unwind(AssertUnwindSafe(|| (self.run)(item, buffer))).unwrap_or_else(|_| (self.on_panic)(item))
    }
}

/// The workers and the results waiting to be emitted in order.
pub struct Pool<R> {
    tasks: Option<SyncSender<(usize, Vec<Item>)>>,
    /// Messages not handed over yet, numbered from `submitted - run.len()`.
    run: Vec<Item>,
    /// Their size.
    run_bytes: u64,
    results: Receiver<(usize, R)>,
    /// Results from number `emitted` on, `None` while still being verified.
    pending: VecDeque<Option<R>>,
    /// Messages submitted (handed over or in `run`).
    submitted: usize,
    emitted: usize,
}

impl<R: Send> Pool<R> {
    /// Starts `workers` threads in `scope`, each with its own read buffer.
    pub fn start<'scope>(scope: &'scope Scope<'scope, '_>, workers: usize, job: Job<'scope, R>) -> Self
    where
        R: 'scope,
    {
        let (tasks, queue) = mpsc::sync_channel::<(usize, Vec<Item>)>(workers * QUEUED_PER_WORKER);
        let (done, results) = mpsc::channel();
        let queue = Arc::new(Mutex::new(queue));
        for _ in 0..workers {
            let (queue, done) = (Arc::clone(&queue), done.clone());
            scope.spawn(move || {
                let mut buffer = Vec::new();
                loop {
                    // The lock is held only while taking a message (never while verifying).
                    let next = queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).recv();
                    let Ok((first, run)) = next else { break };
                    for (seq, item) in (first..).zip(run) {
                        let result = job.call(&item, &mut buffer);
                        drop(item);
                        if done.send((seq, result)).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        Pool {
            tasks: Some(tasks),
            run: Vec::new(),
            run_bytes: 0,
            results,
            pending: VecDeque::new(),
            submitted: 0,
            emitted: 0,
        }
    }

    /// Queues `item` (waiting while the queue is full or the window is used up), and emits the
    /// results that are ready, in order.
    pub fn submit(&mut self, item: Item, emit: &mut impl FnMut(R)) {
        while self.submitted - self.emitted >= WINDOW {
            // The messages waited for must be handed over first.
            self.hand_over();
            if !self.receive(emit) {
                return;
            }
        }
        self.run_bytes += item.content.as_ref().map_or(0, |c| c.size());
        self.run.push(item);
        self.submitted += 1;
        if self.run.len() >= RUN || self.run_bytes >= RUN_BYTES {
            self.hand_over();
        }
        while let Ok(result) = self.results.try_recv() {
            self.store(result, emit);
        }
    }

    /// Hands the messages not handed over yet to the workers (waiting while the queue is full).
    fn hand_over(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        self.run_bytes = 0;
        if let Some(tasks) = &self.tasks {
            // An error means no worker is left (cannot happen: panics are caught).
            let _ = tasks.send((self.submitted - run.len(), run));
        }
    }

    /// Waits for every result and emits them; the workers then end.
    pub fn finish(mut self, emit: &mut impl FnMut(R)) {
        self.hand_over();
        self.tasks = None;
        while self.emitted < self.submitted && self.receive(emit) {}
    }

    /// Waits for one result; false when no worker is left.
    fn receive(&mut self, emit: &mut impl FnMut(R)) -> bool {
        match self.results.recv() {
            Ok(result) => {
                self.store(result, emit);
                true
            }
            Err(_) => false,
        }
    }

    /// Keeps a result in its place and emits every result now in order.
    fn store(&mut self, (seq, result): (usize, R), emit: &mut impl FnMut(R)) {
        let i = seq - self.emitted;
        if self.pending.len() <= i {
            self.pending.resize_with(i + 1, || None);
        }
        self.pending[i] = Some(result);
        while let Some(Some(_)) = self.pending.front() {
            if let Some(Some(ready)) = self.pending.pop_front() {
                emit(ready);
                self.emitted += 1;
            }
        }
    }
}

/// Runs `job` on every message of `paths` (messages over `max_message` bytes are error items),
/// on a pool of `workers` threads, or on this thread with one buffer when `workers` is 1, and
/// hands each result to `emit` in input order. A path that cannot be read is said on stderr in
/// `lang`. Returns how many paths, files or members could not be read.
pub fn run_paths<R: Send>(
    paths: &[String],
    max_message: u64,
    workers: usize,
    job: Job<'_, R>,
    lang: Lang,
    emit: &mut impl FnMut(R),
) -> usize {
    let mut unreadable = 0;
    std::thread::scope(|scope| {
        let mut pool = (workers > 1).then(|| Pool::start(scope, workers, job));
        let mut buffer = Vec::new();
        for path in paths {
            let result = sources::for_each_batch(path, max_message, lang, |batch| {
                for item in batch {
                    match &mut pool {
                        Some(pool) => pool.submit(item, emit),
                        None => emit(job.call(&item, &mut buffer)),
                    }
                }
            });
            match result {
                Err(e) => {
                    say_error(lang, &about(path, e));
                    unreadable += 1;
                }
                Ok(errors) => unreadable += errors,
            }
        }
        if let Some(pool) = pool {
            pool.finish(emit);
        }
    });
    unreadable
}
