//! Results in input order, where one input may turn out to hold many: a file found in a
//! directory is opened by a worker, and when it is a zip or an mbox its messages are reported in
//! its place, after everything before it and before everything after it.
//!
//! Every message handed to the workers has a number (in the order they were handed over, which
//! is not the order of the reports once a container is expanded); the order of the reports is
//! a queue of those numbers and of lines for stderr. A container at the front of the queue is
//! given to the caller to expand; while it is expanded, its messages go in at an open place
//! that holds back everything after it.

use super::sources::Item;
use std::collections::{HashMap, VecDeque};

/// What became of one input: a result, a line for stderr, or a container to expand.
pub enum Outcome<R> {
    /// The result of a message, and whether it counts as an input that could not be read.
    Done(R, bool),
    /// A line for stderr (a file skipped, a path that could not be read).
    Line(String),
    /// A zip or an mbox found in a directory: its messages go in its place.
    Container(Item),
}

/// One place in the order of the reports.
enum Slot {
    /// The message handed over with this number.
    Message(usize),
    /// A line said by the thread that walks.
    Line(String),
    /// Where the messages of the container being expanded go.
    Open,
}

/// The order of the reports, and the outcomes waiting for their turn.
pub struct Order<R> {
    slots: VecDeque<Slot>,
    done: HashMap<usize, Outcome<R>>,
    /// Where the open place is, while a container is expanded.
    open_at: Option<usize>,
}

impl<R> Order<R> {
    /// An empty order.
    pub fn new() -> Self {
        Order { slots: VecDeque::new(), done: HashMap::new(), open_at: None }
    }

    /// The message numbered `seq` comes next (at the open place while a container is expanded).
    pub fn message(&mut self, seq: usize) {
        self.push(Slot::Message(seq));
    }

    /// `line` is said next on stderr (at the open place while a container is expanded).
    pub fn line(&mut self, line: String) {
        self.push(Slot::Line(line));
    }

    fn push(&mut self, slot: Slot) {
        match &mut self.open_at {
            Some(at) => {
                self.slots.insert(*at, slot);
                *at += 1;
            }
            None => self.slots.push_back(slot),
        }
    }

    /// The outcome of the message numbered `seq`.
    pub fn store(&mut self, seq: usize, outcome: Outcome<R>) {
        self.done.insert(seq, outcome);
    }

    /// The next outcome in order, if it is there (never past the open place).
    pub fn next(&mut self) -> Option<Outcome<R>> {
        let outcome = match self.slots.front()? {
            Slot::Open => return None,
            Slot::Message(seq) => self.done.remove(seq)?,
            Slot::Line(_) => match self.slots.front_mut().map(|s| std::mem::replace(s, Slot::Open)) {
                Some(Slot::Line(line)) => Outcome::Line(line),
                _ => return None,
            },
        };
        self.slots.pop_front();
        if let Some(at) = &mut self.open_at {
            *at -= 1;
        }
        Some(outcome)
    }

    /// Whether waiting for a worker's result can move the front: it is a message still being
    /// verified.
    pub fn front_is_pending(&self) -> bool {
        matches!(self.slots.front(), Some(Slot::Message(seq)) if !self.done.contains_key(seq))
    }

    /// A container was just taken from the front: its messages go in from here on.
    pub fn open(&mut self) {
        self.slots.push_front(Slot::Open);
        self.open_at = Some(0);
    }

    /// The container is expanded: what follows it comes after its messages.
    pub fn close(&mut self) {
        if let Some(at) = self.open_at.take() {
            self.slots.remove(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dkimcheck::l10n::Phrase;

    fn take(order: &mut Order<u32>) -> Vec<String> {
        std::iter::from_fn(|| order.next())
            .map(|o| match o {
                Outcome::Done(r, _) => r.to_string(),
                Outcome::Line(l) => l,
                Outcome::Container(item) => item.source,
            })
            .collect()
    }

    #[test]
    fn a_container_s_messages_come_in_its_place() {
        let mut order = Order::new();
        for seq in 0..3 {
            order.message(seq);
        }
        order.line("said".into());
        order.store(2, Outcome::Done(12, false));
        order.store(0, Outcome::Done(10, false));
        assert_eq!(take(&mut order), ["10"]);
        assert!(order.front_is_pending());
        order.store(1, Outcome::Container(Item { source: "box".into(), content: Err(Phrase::new("x")) }));
        // The container is taken from the front and opened at once (as the pool does).
        assert!(matches!(order.next(), Some(Outcome::Container(item)) if item.source == "box"));
        order.open();
        order.message(3);
        assert_eq!(take(&mut order), Vec::<String>::new());
        order.store(3, Outcome::Done(13, false));
        assert_eq!(take(&mut order), ["13"]);
        order.message(4);
        order.store(4, Outcome::Done(14, false));
        order.close();
        assert_eq!(take(&mut order), ["14", "12", "said"]);
    }
}
