//! `Paths`: every derived path, port and tool name, for one `Config`.
//!
//! This is the one place lkmc formats a path; every other module reads them
//! from here, and `lkmc getvar` prints them. Computing `Paths` touches no
//! file, so getvar and `--dry-run` are instant and have no side effects.
//! What differs between emulators comes from their rows in `facts/`; this
//! module never asks which emulator it is.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::facts::emulator::{DiskFormat, KernelFile};
use crate::facts::provider::{GccWhich, QemuWhich};
use crate::facts::{Emulator, machine};

/// How a field prints in `getvar`.
pub trait Var {
    fn show(&self) -> String;
}

impl Var for PathBuf {
    fn show(&self) -> String {
        self.to_string_lossy().into_owned()
    }
}

impl Var for String {
    fn show(&self) -> String {
        self.clone()
    }
}

impl Var for u16 {
    fn show(&self) -> String {
        self.to_string()
    }
}

/// Declares the `Paths` struct and its `vars()` listing from one field list,
/// so a new path is automatically a getvar variable.
macro_rules! paths {
    ($( $(#[doc = $doc:literal])* $name:ident : $ty:ty, )*) => {
        /// Every derived path and port for one arch, emulator, build ids and run id.
        #[derive(Clone, Debug)]
        pub struct Paths {
            $( $(#[doc = $doc])* pub $name: $ty, )*
        }

        impl Paths {
            /// Every variable as `(name, value)`, sorted by name.
            pub fn vars(&self) -> Vec<(&'static str, String)> {
                let mut v = vec![ $( (stringify!($name), Var::show(&self.$name)), )* ];
                v.sort();
                v
            }
        }
    };
}

paths! {
    /// The lkmc checkout.
    root_dir: PathBuf,
    /// Everything generated.
    out_dir: PathBuf,
    /// Logs of builds and runs.
    log_dir: PathBuf,
    /// Log of `lkmc build linux`: one per arch and kernel build id.
    linux_log_file: PathBuf,
    /// Source trees lkmc builds (not committed).
    submodules_dir: PathBuf,
    /// Config fragments, sources, path properties.
    configs_dir: PathBuf,
    /// Kernel config fragments.
    linux_config_dir: PathBuf,
    /// The config file read, or empty.
    config_file: PathBuf,
    /// The arch acted on.
    arch: String,
    /// Kbuild's ARCH=.
    linux_arch: String,
    /// The emulator.
    emulator: String,
    /// The run id.
    run_id: u16,

    /// Kernel source tree.
    linux_source_dir: PathBuf,
    /// Kernel out-of-tree build dir (make O=).
    linux_build_dir: PathBuf,
    /// The kernel's .config.
    linux_config: PathBuf,
    /// Config lines from --config, written as a fragment.
    linux_cli_fragment: PathBuf,
    /// The kernel ELF with symbols.
    vmlinux: PathBuf,
    /// The bootable kernel image.
    linux_image: PathBuf,
    /// What the emulator boots: linux_image (QEMU) or vmlinux (gem5).
    image: PathBuf,
    /// The ELF GDB loads.
    image_elf: PathBuf,

    /// Kernel module sources.
    kernel_modules_source_dir: PathBuf,
    /// Kernel modules built for the arch.
    kernel_modules_build_dir: PathBuf,
    /// Kernel modules built against the host's kernel.
    kernel_modules_build_host_dir: PathBuf,
    /// Userland sources.
    userland_source_dir: PathBuf,
    /// Userland programs built for the arch.
    userland_build_dir: PathBuf,
    /// Baremetal sources.
    baremetal_source_dir: PathBuf,
    /// Baremetal images for the arch, emulator and machine.
    baremetal_build_dir: PathBuf,
    /// The machine baremetal images are linked for.
    baremetal_machine: String,
    /// C compiler for baremetal images (empty: the arch has none).
    baremetal_gcc: PathBuf,
    /// Archiver for baremetal libraries (empty: the arch has none).
    baremetal_ar: PathBuf,

    /// Files copied into the guest's root.
    rootfs_overlay_dir: PathBuf,
    /// Generated files for the guest's root (modules, programs).
    out_rootfs_overlay_dir: PathBuf,
    /// Generated files for the guest's /lkmc.
    out_rootfs_overlay_lkmc_dir: PathBuf,
    /// Guest-arch Debian packages, downloaded and unpacked.
    guest_packages_dir: PathBuf,
    /// The root filesystem provider (--rootfs).
    rootfs: String,
    /// The root filesystem provider's build dir (--rootfs).
    rootfs_build_dir: PathBuf,
    /// The staged guest root tree.
    rootfs_tree_dir: PathBuf,
    /// The root filesystem as a raw ext4 image.
    rootfs_raw_file: PathBuf,
    /// The root filesystem as qcow2 (what QEMU boots).
    rootfs_qcow2_file: PathBuf,
    /// The root filesystem as a cpio initramfs.
    rootfs_cpio: PathBuf,
    /// The disk image the emulator gets.
    disk_image: PathBuf,

    /// Buildroot source tree.
    buildroot_source_dir: PathBuf,
    /// Buildroot build dir (make O=).
    buildroot_build_dir: PathBuf,
    /// Buildroot's .config.
    buildroot_config_file: PathBuf,
    /// Buildroot's download cache.
    buildroot_download_dir: PathBuf,
    /// Buildroot's images.
    buildroot_images_dir: PathBuf,
    /// Buildroot's raw root filesystem.
    buildroot_rootfs_raw_file: PathBuf,
    /// Buildroot's root filesystem as qcow2.
    buildroot_qcow2_file: PathBuf,
    /// Buildroot's cpio.
    buildroot_cpio: PathBuf,
    /// Buildroot's host tools.
    buildroot_host_bin_dir: PathBuf,
    /// Buildroot's staging sysroot (with debug info).
    buildroot_staging_dir: PathBuf,
    /// Buildroot's target root.
    buildroot_target_dir: PathBuf,

    /// crosstool-NG source tree.
    crosstool_ng_source_dir: PathBuf,
    /// crosstool-NG build id dir.
    crosstool_ng_buildid_dir: PathBuf,
    /// crosstool-NG work dir.
    crosstool_ng_build_dir: PathBuf,
    /// Where crosstool-NG installs the toolchain.
    crosstool_ng_install_dir: PathBuf,
    /// The toolchain's bin dir.
    crosstool_ng_bin_dir: PathBuf,
    /// crosstool-NG's download cache.
    crosstool_ng_download_dir: PathBuf,
    /// The ct-ng program.
    crosstool_ng_executable: PathBuf,
    /// crosstool-NG's .config.
    crosstool_ng_config: PathBuf,

    /// QEMU source tree.
    qemu_source_dir: PathBuf,
    /// QEMU build dir.
    qemu_build_dir: PathBuf,
    /// The QEMU system emulator run.
    qemu_executable: PathBuf,
    /// The QEMU user-mode emulator run.
    qemu_user_executable: PathBuf,
    /// qemu-img.
    qemu_img_executable: PathBuf,

    /// gem5 source tree.
    gem5_source_dir: PathBuf,
    /// What lkmc generates for gem5 (per gem5 build id): system files, the
    /// m5 tool's build, the merged build config.
    gem5_out_dir: PathBuf,
    /// gem5's scons build dir, holding one dir per ISA (yours with
    /// --gem5-build-dir).
    gem5_build_dir: PathBuf,
    /// The ISA build of gem5 for the arch (`scons VARIANT/gem5.opt`).
    gem5_variant_dir: PathBuf,
    /// The build configuration lkmc hands to `scons defconfig`.
    gem5_defconfig_file: PathBuf,
    /// The gem5 binary.
    gem5_executable: PathBuf,
    /// gem5's terminal client.
    gem5_m5term: PathBuf,
    /// gem5 system files (M5_PATH: binaries/ holds the bootloaders).
    gem5_system_dir: PathBuf,
    /// Where the bootloaders are built.
    gem5_bootloader_build_dir: PathBuf,
    /// gem5's full-system config script.
    gem5_fs_file: PathBuf,
    /// gem5's syscall-emulation config script.
    gem5_se_file: PathBuf,
    /// The m5 tool's build tree (a copy of util/m5; the source stays clean).
    m5_build_dir: PathBuf,
    /// The m5 tool built for the arch.
    m5_executable: PathBuf,
    /// The m5 tool in the guest's PATH.
    guest_m5_file: PathBuf,
    /// gem5 run dir.
    gem5_run_dir: PathBuf,
    /// gem5's output dir.
    m5out_dir: PathBuf,
    /// gem5 statistics.
    stats_file: PathBuf,
    /// gem5's console output.
    gem5_guest_terminal_file: PathBuf,
    /// File handed to the guest by m5 readfile.
    gem5_readfile_file: PathBuf,

    /// QEMU run dir.
    qemu_run_dir: PathBuf,
    /// This run's dir (per emulator, arch and run id).
    run_dir: PathBuf,
    /// Everything the emulator printed.
    termout_file: PathBuf,
    /// The guest console log read for exit status and panics.
    guest_terminal_file: PathBuf,
    /// QEMU's console with --background.
    background_serial_file: PathBuf,
    /// QEMU binary trace.
    trace_file: PathBuf,
    /// Trace as text.
    trace_txt_file: PathBuf,
    /// QEMU record/replay file.
    qemu_rrfile: PathBuf,
    /// The QEMU command of the last `--record`, which `--replay` must match.
    qemu_rr_cmd_file: PathBuf,
    /// The command of this run.
    run_cmd_file: PathBuf,
    /// The command of the last run of any id.
    last_run_cmd_file: PathBuf,
    /// The GDB command of this run id.
    run_gdb_cmd_file: PathBuf,
    /// Held while a run with this id is going on.
    run_lock_file: PathBuf,

    /// First port of the run id's block.
    qemu_base_port: u16,
    /// QEMU monitor (telnet).
    monitor_port: u16,
    /// Forwarded host port to the same guest port (gdbserver).
    hostfwd_generic_port: u16,
    /// Forwarded host port to the guest's ssh.
    hostfwd_ssh_port: u16,
    /// The emulator's GDB stub.
    gdb_port: u16,
    /// Second guest serial port (KGDB).
    extra_serial_port: u16,
    /// gem5's terminal.
    gem5_telnet_port: u16,

    /// Cross toolchain prefix with its trailing dash (CROSS_COMPILE=).
    cross_compile: String,
    /// Cross toolchain prefix (the triplet; empty for the host's own arch).
    toolchain_prefix: String,
    /// C compiler.
    gcc: PathBuf,
    /// C++ compiler.
    gxx: PathBuf,
    /// GDB.
    gdb: PathBuf,
    /// Target libraries for dynamically linked programs (QEMU -L).
    userland_library_dir: PathBuf,
}

impl Paths {
    /// Derive every path for `c`. Pure: reads no file.
    pub fn new(c: &Config) -> Paths {
        let f = c.arch.facts();
        let e = c.emulator.facts();
        let qemu = machine(c.arch, Emulator::Qemu).target;
        let gem5 = Emulator::Gem5.facts();
        let arch = f.name;
        let root = &c.root;
        let out = &c.out_dir;
        let ids = &c.build_ids;
        let configs = root.join("configs");
        let submodules = root.join("submodules");

        let linux_build_dir = out.join("linux").join(&ids.linux).join(arch);
        let vmlinux = linux_build_dir.join("vmlinux");
        let linux_image = linux_build_dir.join(f.linux_image);

        let rf = c.rootfs.facts();
        let rootfs_build_dir = (rf.build_dir)(out, &ids.buildroot, arch);
        let rootfs_raw_file = rootfs_build_dir.join(rf.raw);
        let rootfs_qcow2_file = rootfs_build_dir.join(rf.qcow2);

        let br = out
            .join("buildroot")
            .join("build")
            .join(&ids.buildroot)
            .join(arch);
        let br_host_bin = br.join("host").join("usr").join("bin");

        let ct = out
            .join("crosstool-ng")
            .join("build")
            .join(&ids.crosstool_ng);
        let ct_install = ct.join("install").join(arch);
        let ct_bin = ct_install.join("bin");
        let ct_source = ct.join("source");

        let qemu_build_dir = out.join("qemu").join(&ids.qemu).join("opt");
        let (qemu_executable, qemu_user_executable, qemu_img_executable) = match c.qemu_which {
            QemuWhich::Host => (
                PathBuf::from(format!("qemu-system-{}", qemu)),
                PathBuf::from(format!("qemu-{}-static", qemu)),
                PathBuf::from("qemu-img"),
            ),
            QemuWhich::Lkmc => (
                qemu_build_dir
                    .join(format!("{}-softmmu", qemu))
                    .join(format!("qemu-system-{}", qemu)),
                qemu_build_dir
                    .join(format!("{}-linux-user", qemu))
                    .join(format!("qemu-{}", qemu)),
                qemu_build_dir.join("qemu-img"),
            ),
        };

        let gem5_source_dir = c.gem5_source_dir.clone();
        let gem5_out_dir = out.join("gem5").join(&ids.gem5);
        let gem5_build_dir = c
            .gem5_build_dir
            .clone()
            .unwrap_or_else(|| gem5_out_dir.join("build"));
        let gem5_isa = machine(c.arch, Emulator::Gem5).target;
        let gem5_variant_dir = gem5_build_dir.join(gem5_isa);
        let m5_abi = crate::facts::machine::M5_ABI[c.arch.index()];
        let gem5_run_dir = run_dir_for(out, gem5.run_dir, arch, c.run_id);
        let m5out_dir = output_dir(&gem5_run_dir, Emulator::Gem5);
        let qemu_run_dir = run_dir_for(out, Emulator::Qemu.facts().run_dir, arch, c.run_id);
        let run_dir = run_dir_for(out, e.run_dir, arch, c.run_id);
        let emulator_out_dir = output_dir(&run_dir, c.emulator);

        let port_offset = c.run_id;
        let qemu_base_port = 45454 + 10 * port_offset;
        let baremetal_machine = machine(c.arch, c.emulator).baremetal_machine;

        let (cross_compile, tool_dir) = match c.gcc_which {
            GccWhich::Host if c.arch.is_host() => (String::new(), None),
            GccWhich::Host => (format!("{}-", f.host_triplet), None),
            GccWhich::Buildroot => (format!("{}-", f.buildroot_triplet), Some(&br_host_bin)),
            GccWhich::CrosstoolNg => (format!("{}-", f.crosstool_ng_triplet), Some(&ct_bin)),
        };
        let tool = |name: &str| match tool_dir {
            Some(d) => d.join(format!("{cross_compile}{name}")),
            None => PathBuf::from(format!("{cross_compile}{name}")),
        };
        let (gdb, userland_library_dir) = match c.gcc_which {
            GccWhich::Host if c.arch.is_host() => ("gdb-multiarch".into(), PathBuf::from("/")),
            GccWhich::Host => (
                "gdb-multiarch".into(),
                PathBuf::from("/usr").join(f.host_triplet),
            ),
            GccWhich::Buildroot => (tool("gdb"), br.join("target")),
            GccWhich::CrosstoolNg => (tool("gdb"), ct_install.clone()),
        };

        Paths {
            root_dir: root.clone(),
            out_dir: out.clone(),
            log_dir: out.join("log"),
            linux_log_file: out.join("log").join(if ids.linux == "default" {
                format!("build-linux-{arch}.log")
            } else {
                format!("build-linux-{}-{arch}.log", ids.linux)
            }),
            submodules_dir: submodules.clone(),
            linux_config_dir: configs.join("linux"),
            configs_dir: configs,
            config_file: c.config_file.clone().unwrap_or_default(),
            arch: arch.to_string(),
            linux_arch: f.linux_arch.to_string(),
            emulator: c.emulator.to_string(),
            run_id: c.run_id,

            linux_source_dir: c.linux_source_dir.clone(),
            linux_config: linux_build_dir.join(".config"),
            linux_cli_fragment: linux_build_dir.join("lkmc_cli.config"),
            image: match e.boots {
                KernelFile::Image => &linux_image,
                KernelFile::Vmlinux => &vmlinux,
            }
            .clone(),
            image_elf: vmlinux.clone(),
            vmlinux,
            linux_image,
            linux_build_dir,

            kernel_modules_source_dir: root.join("kernel_modules"),
            kernel_modules_build_dir: out.join("kernel_modules").join(arch),
            kernel_modules_build_host_dir: out.join("kernel_modules").join("host"),
            userland_source_dir: root.join("userland"),
            userland_build_dir: if c.in_tree {
                root.join("userland")
            } else {
                out.join("userland").join(&ids.userland).join(arch)
            },
            baremetal_source_dir: root.join("baremetal"),
            baremetal_build_dir: out
                .join("baremetal")
                .join(arch)
                .join(c.emulator.to_string())
                .join(baremetal_machine),
            baremetal_machine: baremetal_machine.to_string(),
            baremetal_gcc: f
                .baremetal
                .as_ref()
                .map(|b| PathBuf::from(format!("{}gcc", b.tool_prefix)))
                .unwrap_or_default(),
            baremetal_ar: f
                .baremetal
                .as_ref()
                .map(|b| PathBuf::from(format!("{}ar", b.tool_prefix)))
                .unwrap_or_default(),

            rootfs_overlay_dir: root.join("rootfs_overlay"),
            out_rootfs_overlay_dir: out.join("rootfs_overlay").join(arch),
            out_rootfs_overlay_lkmc_dir: out.join("rootfs_overlay").join(arch).join("lkmc"),
            guest_packages_dir: out.join("guest_packages").join(arch),
            rootfs: rf.name.to_string(),
            rootfs_tree_dir: rootfs_build_dir.join("tree"),
            rootfs_cpio: rootfs_build_dir.join(rf.cpio),
            disk_image: match e.disk {
                DiskFormat::Qcow2 => &rootfs_qcow2_file,
                DiskFormat::Raw => &rootfs_raw_file,
            }
            .clone(),
            rootfs_raw_file,
            rootfs_qcow2_file,
            rootfs_build_dir,

            buildroot_source_dir: submodules.join("buildroot"),
            buildroot_config_file: br.join(".config"),
            buildroot_download_dir: out.join("buildroot").join("download"),
            buildroot_images_dir: br.join("images"),
            buildroot_rootfs_raw_file: br.join("images").join("rootfs.ext2"),
            buildroot_qcow2_file: br.join("images").join("rootfs.ext2.qcow2"),
            buildroot_cpio: br.join("images").join("rootfs.cpio"),
            buildroot_host_bin_dir: br_host_bin.clone(),
            buildroot_staging_dir: br.join("staging"),
            buildroot_target_dir: br.join("target"),
            buildroot_build_dir: br,

            crosstool_ng_source_dir: submodules.join("crosstool-ng"),
            crosstool_ng_build_dir: ct.join("build"),
            crosstool_ng_install_dir: ct_install.clone(),
            crosstool_ng_bin_dir: ct_bin.clone(),
            crosstool_ng_download_dir: out.join("crosstool-ng").join("download"),
            crosstool_ng_executable: ct_source.join("ct-ng"),
            crosstool_ng_config: ct_source.join(".config"),
            crosstool_ng_buildid_dir: ct,

            qemu_source_dir: submodules.join("qemu"),
            qemu_build_dir,
            qemu_executable,
            qemu_user_executable,
            qemu_img_executable,

            gem5_executable: gem5_variant_dir.join(format!("gem5.{}", c.gem5_build_type.name())),
            gem5_defconfig_file: gem5_out_dir.join(format!("defconfig-{gem5_isa}")),
            gem5_variant_dir,
            gem5_m5term: gem5_out_dir.join("m5term"),
            gem5_system_dir: gem5_out_dir.join("system"),
            gem5_bootloader_build_dir: gem5_out_dir.join("bootloader"),
            // configs/example/{fs,se}.py are stubs that stop with a
            // deprecation error in gem5 24; the scripts moved here.
            gem5_fs_file: gem5_source_dir.join("configs/deprecated/example/fs.py"),
            gem5_se_file: gem5_source_dir.join("configs/deprecated/example/se.py"),
            m5_executable: gem5_out_dir
                .join("m5/util/m5/build")
                .join(m5_abi)
                .join("out/m5"),
            m5_build_dir: gem5_out_dir.join("m5"),
            guest_m5_file: out.join("rootfs_overlay").join(arch).join("usr/bin/m5"),
            gem5_source_dir,
            gem5_out_dir,
            gem5_build_dir,
            stats_file: m5out_dir.join("stats.txt"),
            gem5_guest_terminal_file: m5out_dir.join(gem5.console_file),
            gem5_readfile_file: gem5_run_dir.join("readfile"),
            m5out_dir: m5out_dir.clone(),
            gem5_run_dir,

            termout_file: run_dir.join("termout.txt"),
            guest_terminal_file: emulator_out_dir.join(e.console_file),
            background_serial_file: qemu_run_dir.join("background.log"),
            trace_file: run_dir.join("trace.bin"),
            trace_txt_file: emulator_out_dir.join("trace.txt"),
            qemu_rrfile: qemu_run_dir.join("rrfile"),
            qemu_rr_cmd_file: qemu_run_dir.join("rrfile.cmd"),
            run_cmd_file: run_dir.join("run.sh"),
            last_run_cmd_file: out.join("run.sh"),
            run_gdb_cmd_file: run_dir.join("run-gdb.sh"),
            run_lock_file: run_dir.join("lock"),
            qemu_run_dir,
            run_dir,

            qemu_base_port,
            monitor_port: qemu_base_port,
            hostfwd_generic_port: qemu_base_port + 1,
            hostfwd_ssh_port: qemu_base_port + 2,
            gdb_port: e.gdb_port.port(qemu_base_port, port_offset),
            extra_serial_port: qemu_base_port + 4,
            gem5_telnet_port: 3456 + 4 * port_offset,

            gcc: tool("gcc"),
            gxx: tool("g++"),
            gdb,
            toolchain_prefix: cross_compile.trim_end_matches('-').to_string(),
            cross_compile,
            userland_library_dir,
        }
    }

    /// The log file for one plan, e.g. `build-linux`.
    pub fn log_file(&self, name: &str) -> PathBuf {
        self.log_dir.join(format!("{name}-{}.log", self.arch))
    }
}

/// A directory name standing for `path` (a source of the user's outside the
/// checkout), so that each gets its own build dir: `/home/a/m` → `home_a_m`.
pub fn flatten(path: &Path) -> String {
    path.to_string_lossy()
        .trim_start_matches('/')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where `emulator` writes its own outputs in a run dir.
fn output_dir(run_dir: &Path, emulator: Emulator) -> PathBuf {
    match emulator.facts().output_subdir {
        Some(sub) => run_dir.join(sub),
        None => run_dir.to_path_buf(),
    }
}

fn run_dir_for(out: &Path, emulator: &str, arch: &str, run_id: u16) -> PathBuf {
    out.join("run")
        .join(emulator)
        .join(arch)
        .join(run_id.to_string())
}
