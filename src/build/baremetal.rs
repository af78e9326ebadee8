//! `lkmc build baremetal`: images that run on the bare CPU of the emulated
//! board, without Linux.
//!
//! Every .c and .S under `baremetal/` is one image (except `lib/` and
//! `include/`; `arch/ARCH/` only for that arch), and so is every userland
//! example marked `baremetal = true` in `configs/userland.toml`. Each is
//! linked with lkmc's runtime (`baremetal/lib/`: entry code, exception
//! vectors, stdio on the UART, exit through semihosting), with picolibc as the
//! C library and picolibc's linker script (the distro's, or the one
//! crosstool-NG builds beside newlib with `--gcc-which crosstool-ng`), placed at the RAM address of the
//! machine. Userland examples also get `userland/lib` (the assertion
//! library). Images go to `baremetal_build_dir` (by arch, emulator and
//! machine): `baremetal/REL.c` → `REL.elf`, `userland/REL.c` →
//! `userland/REL.elf`. Compiles run in parallel; an image is rebuilt only when
//! its source, a header it includes or the runtime changed.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::build::BuildOptions;
use crate::build::objects::{self, fresh, mkdir_missing, report_failures};
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::arch::BaremetalFacts;
use crate::facts::provider::GccWhich;
use crate::paths::Paths;
use crate::plan::{Executor, Plan};
use crate::userland_props::{Props, Table};

/// Source extensions that make an image (C++ needs more runtime than ours).
const EXTS: &[&str] = &["c", "S"];

/// Room for code and read-only data at the start of RAM, then for data,
/// heap and stack: picolibc.ld calls them flash and ram.
const FLASH_SIZE: u64 = 0x80_0000;
const RAM_SIZE: u64 = 0x100_0000;
const STACK_SIZE: u64 = 0x1_0000;

/// Where, from the start of RAM, `lkmc run --baremetal --cli-args` has
/// QEMU load the arguments, past the image's flash and ram (the original's
/// place, 0x43000000 on the virt board). The runtime finds it as
/// `__lkmc_cli_args`; its format is `cli_args_blob`'s.
const CLI_ARGS_OFFSET: u64 = 0x300_0000;

/// The most arguments, and bytes of them, the runtime takes
/// (LKMC_CLI_ARGS_MAX and LKMC_CLI_ARGS_BYTES in baremetal/lib/runtime.c).
pub const CLI_ARGS_MAX: usize = 64;
pub const CLI_ARGS_BYTES: usize = 4096;

/// The step that writes an image's arguments (`args`, after argv[0], the
/// image's name) where QEMU's loader reads them.
pub fn cli_args_step(image: &Path, args: &[String], paths: &Paths) -> Result<crate::plan::Step> {
    let name = image
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let argv: Vec<String> = std::iter::once(name).chain(args.iter().cloned()).collect();
    Ok(crate::plan::Step::Write {
        path: paths.baremetal_cli_args_file.clone(),
        contents: cli_args_blob(&argv)?,
        executable: false,
    })
}

/// The address the runtime reads the arguments at, for the machine.
pub fn cli_args_addr(config: &Config) -> u64 {
    ram_base(config) + CLI_ARGS_OFFSET
}

/// The arguments as the runtime reads them: a first line
/// `lkmc-cli-args ARGC`, then per argument its length in bytes, `:`, the
/// bytes, a newline. Text, so that a dry run prints it; lengths, so that
/// an argument may hold any byte but NUL. Refused past the runtime's limits.
pub fn cli_args_blob(argv: &[String]) -> Result<String> {
    let bytes: usize = argv.iter().map(|a| a.len() + 1).sum();
    if argv.len() > CLI_ARGS_MAX || bytes > CLI_ARGS_BYTES {
        return Err(UsageError::new(format!(
            "--cli-args: {} arguments of {bytes} bytes; the baremetal runtime takes at most \
             {CLI_ARGS_MAX} arguments of {CLI_ARGS_BYTES} bytes together (with argv[0])",
            argv.len()
        ))
        .into());
    }
    if let Some(a) = argv.iter().find(|a| a.contains('\0')) {
        return Err(UsageError::new(format!(
            "--cli-args: {a:?} holds a NUL byte, which ends a C string"
        ))
        .into());
    }
    let mut s = format!("lkmc-cli-args {}\n", argv.len());
    for a in argv {
        s.push_str(&format!("{}:{a}\n", a.len()));
    }
    Ok(s)
}

/// One image to build.
#[derive(Clone, Debug)]
pub struct Image {
    pub src: PathBuf,
    pub out: PathBuf,
    pub props: Props,
    /// A userland example (links userland/lib).
    pub userland: bool,
}

/// The arch's baremetal facts, or a clear error for an arch without them.
pub fn facts(config: &Config) -> Result<&'static BaremetalFacts> {
    config.arch.facts().baremetal.as_ref().ok_or_else(|| {
        UsageError::new(format!(
            "lkmc has no baremetal runtime for {}: baremetal images are for arm and aarch64 \
             (--arch arm or --arch aarch64)",
            config.arch
        ))
        .into()
    })
}

/// Where RAM starts on the machine the images are for.
fn ram_base(config: &Config) -> u64 {
    crate::facts::machine(config.arch, config.emulator)
        .ram_base
        .expect("a machine of an arch with baremetal facts has a RAM base (facts tests)")
}

/// The C macro that selects the machine's device addresses in
/// `lkmc_baremetal.h`: `virt` → `LKMC_MACHINE_VIRT`.
pub fn machine_macro(paths: &Paths) -> String {
    format!(
        "LKMC_MACHINE_{}",
        paths.baremetal_machine.to_ascii_uppercase()
    )
}

/// The images under `baremetal/` and the baremetal userland examples, or
/// the given sources and directories (under either tree).
pub fn images(args: &[String], config: &Config, paths: &Paths) -> Result<Vec<Image>> {
    let bm_table = Table::load_named(&config.root, "baremetal")?;
    let ul_table = Table::load(&config.root)?;
    let bm_dir = &paths.baremetal_source_dir;
    let ul_dir = &paths.userland_source_dir;
    let mut roots = Vec::new();
    for a in args {
        let abs = objects::source_arg(a, EXTS, "baremetal source file (.c or .S)")?;
        if !abs.starts_with(bm_dir) && !abs.starts_with(ul_dir) {
            return Err(UsageError::new(format!(
                "{} is outside {} and {}: baremetal images are built from those trees",
                abs.display(),
                bm_dir.display(),
                ul_dir.display()
            ))
            .into());
        }
        roots.push(abs);
    }
    let explicit = !roots.is_empty();
    if !explicit {
        roots = vec![bm_dir.clone(), ul_dir.clone()];
    }
    let mut out = Vec::new();
    for found in objects::walk(&roots, &[bm_dir, ul_dir], EXTS)? {
        let Some((tree, rel)) = found.tree else {
            continue;
        };
        let userland = tree == 1;
        let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
        // arch/ARCH/... belongs to that arch only, in both trees.
        if parts.next().is_some_and(|f| f == "arch")
            && parts.next().is_some_and(|a| a != paths.arch)
        {
            continue;
        }
        let props = if userland {
            let props = ul_table.get(&rel);
            // A userland source named on the command line is built even
            // when not marked, so that a user can try one.
            if !(props.baremetal == Some(true) || explicit) {
                continue;
            }
            props
        } else {
            bm_table.get(&rel)
        };
        if props.no_build == Some(true) || !props.allows(&paths.arch) {
            continue;
        }
        let out_rel = if userland {
            Path::new("userland").join(&rel)
        } else {
            rel.clone()
        };
        out.push(Image {
            out: paths
                .baremetal_build_dir
                .join(out_rel)
                .with_extension("elf"),
            src: found.src,
            props,
            userland,
        });
    }
    Ok(out)
}

/// The compiler command for one source: an object (`link` None) or a whole
/// image linked with the runtime objects and archives in `link`.
fn compile(
    config: &Config,
    paths: &Paths,
    src: &Path,
    out: &Path,
    props: &Props,
    link: Option<&[PathBuf]>,
    args: &BuildOptions,
) -> Cmd {
    let facts = (config.arch.facts().baremetal.as_ref()).expect("build() checked the arch");
    let mut c = Cmd::new(p(&paths.baremetal_gcc))
        .line([format!("-specs={}", p(&paths.baremetal_picolibc_specs))])
        .line(facts.cflags.iter().copied())
        // Our start.S is the entry point, not picolibc's crt0.
        .line(["-nostartfiles"])
        .line([
            "-std=gnu11",
            &format!("-O{}", args.optimization_level),
            "-g3",
        ])
        .line(["-Wall", "-Wextra", "-Werror"])
        .line([format!("-D{}", machine_macro(paths))])
        .line(["-I", &p(&paths.baremetal_source_dir.join("include"))])
        .line(["-I", &p(&paths.userland_source_dir.join("include"))]);
    c = objects::with_flags(c, props, &args.ccflags);
    if link.is_some() {
        let ram = ram_base(config);
        c = c.line([
            format!("-Wl,--defsym=__flash={ram:#x}"),
            format!("-Wl,--defsym=__flash_size={FLASH_SIZE:#x}"),
            format!("-Wl,--defsym=__ram={:#x}", ram + FLASH_SIZE),
            format!("-Wl,--defsym=__ram_size={RAM_SIZE:#x}"),
            format!("-Wl,--defsym=__stack_size={STACK_SIZE:#x}"),
            format!("-Wl,--defsym=__lkmc_cli_args={:#x}", ram + CLI_ARGS_OFFSET),
        ]);
    }
    c = objects::with_output(c, out, src, link.is_none());
    if let Some(objs) = link {
        c = c.args(objs.iter().map(|o| p(o)));
    }
    c
}

/// The distro's bare-metal compilers (`--gcc-which host`) or crosstool-NG's
/// (built first: refused with the command that builds it); Buildroot's
/// toolchain is for Linux userland, not for images without an OS.
fn check_toolchain(config: &Config, paths: &Paths) -> Result<()> {
    match config.gcc_which {
        GccWhich::Host => Ok(()),
        // An arch without a baremetal runtime builds nothing (see build()).
        GccWhich::CrosstoolNg if facts(config).is_err() => Ok(()),
        GccWhich::CrosstoolNg => crate::build::crosstool_ng::check_built(config, paths),
        GccWhich::Buildroot => Err(UsageError::new(
            "baremetal images are built with the distro's bare-metal compilers (--gcc-which \
             host) or crosstool-NG's (--gcc-which crosstool-ng); Buildroot's toolchain targets \
             Linux",
        )
        .into()),
    }
}

/// `lkmc build baremetal`'s refusals that need nothing built or installed:
/// the toolchain asked for and the files named.
pub fn check(items: &[String], config: &Config, paths: &Paths) -> Result<()> {
    check_toolchain(config, paths)?;
    if !items.is_empty() {
        facts(config)?;
        images(items, config, paths)?;
    }
    Ok(())
}

/// Build the selected images for one arch. Archs without a baremetal
/// runtime are skipped with a note unless images were asked for by name.
pub fn build(
    args: &BuildOptions,
    targets: &[String],
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<()> {
    let arch = config.arch;
    check_toolchain(config, paths)?;
    let facts = match facts(config) {
        Ok(f) => f,
        Err(_) if targets.is_empty() => {
            if !exec.quiet {
                eprintln!("baremetal {arch}: nothing to build (arm and aarch64 only)");
            }
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    if !config.dry_run
        && config.gcc_which == GccWhich::Host
        && (which::which(&paths.baremetal_gcc).is_err()
            || !paths.baremetal_picolibc_specs.is_file())
    {
        return Err(UsageError::new(format!(
            "the {arch} baremetal compiler `{}` or picolibc ({}) is not installed (packages {}).\n\
             Install them with: lkmc build --download-dependencies --arch {arch} baremetal",
            paths.baremetal_gcc.display(),
            paths.baremetal_picolibc_specs.display(),
            facts.packages.join(" ")
        ))
        .into());
    }
    let images = images(targets, config, paths)?;
    let log = paths.log_file("build-baremetal");
    let lib_dir = paths.baremetal_build_dir.join("lib");

    // The runtime (every image) and userland/lib (userland examples only,
    // as an archive: its objects are pulled in when used).
    let bm_lib = &paths.baremetal_source_dir.join("lib");
    let mut runtime_srcs = objects::sources_in(&bm_lib.join(&paths.arch), EXTS);
    runtime_srcs.extend(objects::sources_in(bm_lib, EXTS));
    let ul_srcs = objects::sources_in(&paths.userland_source_dir.join("lib"), EXTS);
    let obj_of = |src: &Path, sub: &str| {
        lib_dir
            .join(sub)
            .join(src.file_name().unwrap_or_default())
            .with_extension("o")
    };
    let mut setup = Plan::new("baremetal setup", log.clone());
    if let Some(mkdir) = mkdir_missing(
        images.iter().map(|i| i.out.as_path()),
        &[lib_dir.join("runtime"), lib_dir.join("userland")],
    ) {
        setup.cmd("mkdir", mkdir);
    }
    exec.execute(&setup)?;

    let mut lib_plan = Plan::new(format!("baremetal runtime {arch}"), log.clone());
    let mut runtime_objs = Vec::new();
    let mut ul_objs = Vec::new();
    for (srcs, sub, objs) in [
        (&runtime_srcs, "runtime", &mut runtime_objs),
        (&ul_srcs, "userland", &mut ul_objs),
    ] {
        for src in srcs {
            let obj = obj_of(src, sub);
            if args.force_rebuild || !fresh(&obj, &[]) {
                lib_plan.cmd(
                    "compile",
                    compile(config, paths, src, &obj, &Props::default(), None, args),
                );
            }
            objs.push(obj);
        }
    }
    let failed = exec.execute_parallel(&lib_plan, config.nproc as usize)?;
    report_failures(&failed, "baremetal runtime")?;
    let archive = lib_dir.join("liblkmc.a");
    let mut ar = Plan::new("baremetal liblkmc", log.clone());
    objects::archive(
        &mut ar,
        &p(&paths.baremetal_ar),
        &archive,
        &ul_objs,
        args.force_rebuild,
        paths,
    );
    exec.execute(&ar)?;

    let mut plan = Plan::new(format!("baremetal {arch}"), log);
    let mut inputs = runtime_objs.clone();
    inputs.push(archive.clone());
    for image in &images {
        let mut deps = inputs.clone();
        deps.push(image.src.clone());
        if args.force_rebuild || !fresh(&image.out, &deps) {
            let mut link = runtime_objs.clone();
            if image.userland {
                link.push(archive.clone());
            }
            plan.cmd(
                "compile",
                compile(
                    config,
                    paths,
                    &image.src,
                    &image.out,
                    &image.props,
                    Some(&link),
                    args,
                ),
            );
        }
    }
    objects::compile_all(
        &plan,
        images.len(),
        &format!("baremetal {arch}"),
        config.nproc,
        exec,
    )
}

/// Where the image for `--baremetal PATH` is, building it first when PATH
/// is a source; with the properties of that source (CPUs it needs).
pub fn image_for(
    path: &Path,
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<(PathBuf, Props)> {
    facts(config)?;
    let abs = std::path::absolute(path)?;
    if abs.extension().is_some_and(|e| e == "elf") {
        // A dry run prints the command whatever the file holds.
        if config.dry_run {
            return Ok((abs, Default::default()));
        }
        if abs.is_file() {
            objects::check_executable("--baremetal", &abs, false, config)?;
            return Ok((abs, Default::default()));
        }
        return Err(UsageError::new(format!("--baremetal {}: no such file", abs.display())).into());
    }
    if !abs.is_file() {
        return Err(UsageError::new(format!(
            "--baremetal {}: no such source file (give a .c or .S under {} or {}, or an .elf)",
            abs.display(),
            paths.baremetal_source_dir.display(),
            paths.userland_source_dir.display()
        ))
        .into());
    }
    let arg = abs.to_string_lossy().into_owned();
    let images = images(std::slice::from_ref(&arg), config, paths)?;
    let Some(image) = images.first() else {
        return Err(UsageError::new(format!(
            "{} is not built for {} (it is for another arch, or its properties exclude it)",
            abs.display(),
            config.arch
        ))
        .into());
    };
    build(
        &BuildOptions::default(),
        &[arg],
        config,
        paths,
        &objects::quiet_build(exec),
    )?;
    Ok((image.out.clone(), image.props.clone()))
}
