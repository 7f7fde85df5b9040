//! Verifying on several threads: workers started once for the whole run, each taking the next
//! message from a shared queue as soon as it is free (a slow message holds up one worker, not a
//! batch), reading it itself (files into a buffer it keeps), verifying it and rendering its
//! output; the thread that submits the messages emits the results in input order.
//!
//! Messages are handed over in runs of up to [`RUN`] (or [`RUN_BYTES`]), and their results come
//! back a run at a time: one hand-off per message cost a thread wake-up each (futex calls were
//! ~7% of a 2-core run's CPU time), and on two cores the woken thread takes a worker's core.
//!
//! A file found in a directory is opened by its worker, not by the submitting thread (which
//! only lists names): a zip or an mbox found that way comes back and is expanded in its place
//! (see [`super::order`]).
//!
//! Bounds: the queue holds a few runs per worker, and results wait for the ones before them
//! within a window of [`WINDOW`] messages, after which submitting waits.

use super::order::{Order, Outcome};
use super::sources::{self, Item, Opened};
use super::{about, error_line};
use dkimcheck::l10n::Lang;
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

/// What a worker makes of an item: it opens a listed file (see [`sources::open_listed`]), then
/// runs the job on a message; a file skipped becomes its line, in `lang`.
fn process<R>(job: Job<'_, R>, item: Item, buffer: &mut Vec<u8>, lang: Lang) -> Outcome<R> {
    match sources::open_listed(item, buffer, super::mapped::MAP_FROM) {
        Opened::Message(item) => Outcome::Done(job.call(&item, buffer), false),
        Opened::Unreadable(item) => Outcome::Done(job.call(&item, buffer), true),
        Opened::Skipped { source, keys_like } => Outcome::Line(sources::skipped_line(lang, &source, keys_like)),
        Opened::Container(item) => Outcome::Container(item),
    }
}

/// The workers and the results waiting to be emitted in order.
pub struct Pool<R> {
    tasks: Option<SyncSender<(usize, Vec<Item>)>>,
    /// Messages not handed over yet, numbered from `submitted - run.len()`.
    run: Vec<Item>,
    /// Their size.
    run_bytes: u64,
    /// The outcomes of a run, numbered.
    results: Receiver<Vec<(usize, Outcome<R>)>>,
    /// The order of the reports, and the outcomes waiting for their turn.
    order: Order<R>,
    /// Messages submitted (handed over or in `run`).
    submitted: usize,
    /// Places in the order not emitted yet.
    waiting: usize,
    /// Inputs that could not be read, so far.
    unreadable: usize,
}

impl<R: Send> Pool<R> {
    /// Starts `workers` threads in `scope`, each with its own read buffer; files skipped are
    /// said in `lang`.
    pub fn start<'scope>(scope: &'scope Scope<'scope, '_>, workers: usize, job: Job<'scope, R>, lang: Lang) -> Self
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
                    let outcomes = (first..).zip(run).map(|(seq, item)| (seq, process(job, item, &mut buffer, lang)));
                    if done.send(outcomes.collect()).is_err() {
                        return;
                    }
                }
            });
        }
        Pool {
            tasks: Some(tasks),
            run: Vec::new(),
            run_bytes: 0,
            results,
            order: Order::new(),
            submitted: 0,
            waiting: 0,
            unreadable: 0,
        }
    }

    /// Queues `item` (waiting while the queue is full or the window is used up), and emits the
    /// results that are ready, in order.
    pub fn submit(&mut self, item: Item, emit: &mut impl FnMut(R)) {
        while self.waiting >= WINDOW {
            // The messages waited for must be handed over first.
            self.hand_over();
            // Only a message being verified at the front can free the window (at an open
            // container, its next message must come first).
            if !self.order.front_is_pending() || !self.receive(emit) {
                break;
            }
        }
        self.run_bytes += item.content.as_ref().map_or(0, |c| c.size());
        self.run.push(item);
        self.order.message(self.submitted);
        self.submitted += 1;
        self.waiting += 1;
        if self.run.len() >= RUN || self.run_bytes >= RUN_BYTES {
            self.hand_over();
        }
        while let Ok(outcomes) = self.results.try_recv() {
            self.store(outcomes);
        }
        self.emit_ready(emit);
    }

    /// Says `line` on stderr in its place among the reports.
    pub fn say(&mut self, line: String, emit: &mut impl FnMut(R)) {
        self.order.line(line);
        self.waiting += 1;
        self.emit_ready(emit);
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

    /// Waits for every result and emits them; the workers then end. Returns how many inputs
    /// found by the workers could not be read.
    pub fn finish(mut self, emit: &mut impl FnMut(R)) -> usize {
        self.hand_over();
        while self.waiting > 0 && self.receive(emit) {}
        self.tasks = None;
        self.unreadable
    }

    /// Waits for the results of one run; false when no worker is left.
    fn receive(&mut self, emit: &mut impl FnMut(R)) -> bool {
        match self.results.recv() {
            Ok(outcomes) => {
                self.store(outcomes);
                self.emit_ready(emit);
                true
            }
            Err(_) => false,
        }
    }

    /// Keeps the outcomes of a run in their places.
    fn store(&mut self, outcomes: Vec<(usize, Outcome<R>)>) {
        outcomes.into_iter().for_each(|(seq, outcome)| self.order.store(seq, outcome));
    }

    /// Emits every outcome now in order; a container reached is expanded in its place (its
    /// messages submitted; they are emitted as they come, up to the place after it).
    fn emit_ready(&mut self, emit: &mut impl FnMut(R)) {
        while let Some(outcome) = self.order.next() {
            self.waiting -= 1;
            match outcome {
                Outcome::Done(result, unreadable) => {
                    self.unreadable += usize::from(unreadable);
                    emit(result);
                }
                Outcome::Line(line) => eprintln!("{line}"),
                Outcome::Container(item) => {
                    self.order.open();
                    let errors = sources::for_each_in_container(item, |batch| {
                        batch.into_iter().for_each(|member| self.submit(member, emit))
                    });
                    self.unreadable += errors;
                    self.hand_over();
                    self.order.close();
                }
            }
        }
    }
}

/// Runs `job` on every message of `paths` (messages over `max_message` bytes are error items),
/// on a pool of `workers` threads, or on this thread with one buffer when `workers` is 1, and
/// hands each result to `emit` in input order. A path that cannot be read, and a file skipped,
/// are said on stderr in `lang`, in their place. Returns how many paths, files or members could
/// not be read.
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
        let mut pool = (workers > 1).then(|| Pool::start(scope, workers, job, lang));
        let mut buffer = Vec::new();
        for path in paths {
            let result = sources::for_each_batch(path, max_message, |batch| {
                for item in batch {
                    match &mut pool {
                        Some(pool) => pool.submit(item, emit),
                        None => unreadable += inline(job, item, &mut buffer, lang, emit),
                    }
                }
            });
            match result {
                Err(e) => {
                    let line = error_line(lang, &about(path, e));
                    match &mut pool {
                        Some(pool) => pool.say(line, emit),
                        None => eprintln!("{line}"),
                    }
                    unreadable += 1;
                }
                Ok(errors) => unreadable += errors,
            }
        }
        if let Some(pool) = pool {
            unreadable += pool.finish(emit);
        }
    });
    unreadable
}

/// One item on this thread (`--jobs 1`): a container found is expanded at once. Returns how
/// many inputs could not be read.
fn inline<R>(job: Job<'_, R>, item: Item, buffer: &mut Vec<u8>, lang: Lang, emit: &mut impl FnMut(R)) -> usize {
    match process(job, item, buffer, lang) {
        Outcome::Done(result, unreadable) => {
            emit(result);
            usize::from(unreadable)
        }
        Outcome::Line(line) => {
            eprintln!("{line}");
            0
        }
        Outcome::Container(item) => {
            let mut unreadable = 0;
            let errors = sources::for_each_in_container(item, |batch| {
                for member in batch {
                    unreadable += inline(job, member, buffer, lang, emit);
                }
            });
            errors + unreadable
        }
    }
}
