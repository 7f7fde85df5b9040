//! What the repairs of one failed signature are tried against.

use crate::dkim::body_hash::BodyCache;
use crate::keys::KeyStore;
use crate::message::Message;

/// What the repairs of one failed signature are tried against.
pub struct Attempt<'m, 'a, 'k, 'b> {
    /// The message.
    pub message: &'m Message<'a>,
    /// The keys (a header repair checks the header signature again).
    pub keys: &'k KeyStore,
    /// Body hashes and forms of the body, shared by the message's signatures.
    pub bodies: &'b mut BodyCache,
    /// The message's Date (unix seconds), for the key step.
    pub message_date: Option<i64>,
    /// The signature field's index among the message's header fields.
    pub field_index: usize,
    /// The header fields the signature covers, in `h=` order.
    pub covered: &'m [usize],
    /// The length of the canonical body as received.
    pub canonical_len: u64,
}
