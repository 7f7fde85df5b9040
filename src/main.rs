//! `dkimcheck`: verify the DKIM signatures of email files, mbox archives and zips, offline,
//! against the bundled key archive and keys you give. See `dkimcheck --help`.

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}
