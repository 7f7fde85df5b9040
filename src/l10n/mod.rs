//! Sentences in no language yet. The core never builds a sentence: it reports codes and, for
//! each thing a person will read, a [`Phrase`]: an id of the message catalogs
//! (`locales/*.ftl`) and the arguments the sentence needs. Text is rendered at the edge (the
//! CLI, the JavaScript API, the page), in the reader's [`Lang`], and only when it is shown; see
//! the `catalog` module.

mod lang;
mod phrase;

pub use lang::Lang;
pub use phrase::{Arg, Args, Phrase};
