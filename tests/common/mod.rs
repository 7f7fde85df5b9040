pub mod signer;
pub mod vectors;

use dkimcheck::keys::KeyStore;
use dkimcheck::l10n::Lang;
use dkimcheck::report::MessageReport;
use dkimcheck::verify::{Options, verify_message};

/// Verifies and words the report in English, as the CLI does by default.
#[allow(dead_code)]
pub fn verify_en(raw: &[u8], keys: &KeyStore, options: &Options) -> MessageReport {
    let mut report = verify_message(raw, keys, options);
    report.render(Lang::En);
    report
}
