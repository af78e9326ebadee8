//! The kernel's own build system, kbuild: the one place a kernel `make`
//! command line is put together, for the kernel tree itself (`O=`) and for
//! out-of-tree modules against a kernel build (`M=`).
//!
//! It owns the arguments every kbuild make needs (arch, cross compiler,
//! ccache, jobs, verbosity); what to build (targets, the build identity)
//! stays with the callers.

use std::path::Path;

use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::paths::Paths;

/// What a kbuild make works on.
pub enum Tree<'a> {
    /// The kernel: `make -C SOURCE O=BUILD`.
    Kernel,
    /// Out-of-tree modules in `dir` against the kernel build `linux`:
    /// `make -k -C LINUX M=DIR`.
    Modules { linux: &'a Path, dir: &'a Path },
}

/// `make` with the arguments every kbuild make of this config needs.
pub fn make(config: &Config, paths: &Paths, tree: Tree) -> Cmd {
    let mut m = Cmd::new("make");
    m = match tree {
        Tree::Kernel => m
            .line(["-C", &p(&paths.linux_source_dir)])
            .line(["-j", &config.nproc.to_string()])
            .arg(format!("O={}", p(&paths.linux_build_dir))),
        // -k: one module that does not compile does not stop the others.
        Tree::Modules { linux, dir } => m
            .arg("-k")
            .line(["-C", &p(linux)])
            .line(["-j", &config.nproc.to_string()])
            .arg(format!("M={}", p(dir))),
    };
    m = m.arg(format!("ARCH={}", config.arch.facts().linux_arch));
    if !paths.cross_compile.is_empty() {
        m = m.arg(format!("CROSS_COMPILE={}", paths.cross_compile));
    }
    m = with_cc(m, paths);
    if config.verbose {
        m = m.arg("V=1");
    }
    m
}

/// Sets kbuild's `CC=`: the cross GCC, through ccache when it is installed.
fn with_cc(make: Cmd, paths: &Paths) -> Cmd {
    let cc = format!("{}gcc", paths.cross_compile);
    if which::which("ccache").is_err() {
        return make.arg(format!("CC={cc}"));
    }
    // ccache's depend mode takes the header list from the compiler's own
    // -MMD output (kbuild asks for it) instead of running the preprocessor a
    // second time on every miss: a cold kernel build costs ~17% more CPU
    // through plain ccache, the same as no ccache in depend mode.
    make.env("CCACHE_DEPEND", "1")
        .arg(format!("CC=ccache {cc}"))
}
