//! `centers`: serves the API (default), or runs one of its maintenance commands.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = centers_api::cli::Cli::parse();
    match centers_api::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("centers: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
