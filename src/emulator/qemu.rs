//! QEMU: full-system Linux boots, user-mode programs, baremetal images.
//!
//! The command line is built from small argument groups, each a function
//! of the options and facts it needs, so that the Linux boot and the
//! baremetal boot share the groups they have in common (board, size, GDB
//! stub, debugging) instead of repeating them. Only reads facts, `Paths`
//! and, to pick the kernel file and to check KVM, the kernel's .config and
//! /dev/kvm, and whether the second disk was built; starts nothing.

use std::path::Path;

use anyhow::Result;

use super::common::{Emulator, Mode, Program, kernel_cli};
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::machine::MachineFacts;
use crate::facts::{Arch, Emulator as Which, machine};
use crate::guest::{GUEST_FORWARDED_PORT, nine_p_shares};
use crate::options::{Boot, RecordReplay, Root};
use crate::paths::Paths;

pub struct Qemu;

fn board(config: &Config) -> &'static MachineFacts {
    machine(config.arch, Which::Qemu)
}

impl Emulator for Qemu {
    /// With --qemu-which lkmc, lkmc's build for the arch must be there.
    fn ready(&self, paths: &Paths) -> Result<()> {
        crate::build::qemu::check_built(paths)
    }

    fn check(&self, mode: Mode, boot: &Boot, config: &Config) -> Result<()> {
        if let Some(option) = boot.gem5.given().first() {
            return Err(UsageError::new(format!(
                "{option} is a gem5 option; QEMU has no such setting.\n\
                 Run on gem5: lkmc run --arch {} --emulator gem5 {option} ...",
                config.arch
            ))
            .into());
        }
        if mode != Mode::Linux {
            return Ok(());
        }
        if boot.kvm {
            kvm_usable(config.arch)?;
        }
        if boot.kgdb && board(config).extra_console.is_none() {
            return Err(UsageError::new(format!(
                "--kgdb is set up for x86_64 only (its ttyS1); on {} lkmc does not point KGDB at the \
                 virt board's second UART.\n\
                 Use QEMU's own GDB stub instead: lkmc run --arch {} --gdb-wait, then lkmc gdb --arch {}",
                config.arch, config.arch, config.arch
            ))
            .into());
        }
        Ok(())
    }

    fn boot(&self, boot: &Boot, config: &Config, paths: &Paths) -> Result<Cmd> {
        let m = board(config);
        let rr = boot.record_replay;
        let mut c = Cmd::new(p(&paths.qemu_executable));
        c = machine_args(c, m, boot, boot.kvm);
        c = size_args(c, boot);
        c = c
            .line(["-kernel", &p(kernel_file(boot, config, paths))])
            .line(["-append", &kernel_cli(boot, m)]);
        if let Some(dtb) = &boot.dtb {
            c = c.line(["-dtb", &p(dtb)]);
        }
        if !config.dry_run {
            check_display(boot, config, paths)?;
        }
        c = display_args(c, boot, m);
        c = serial_args(c, boot, paths);
        c = gdb_args(c, paths);
        c = extra_serial_args(c, paths);
        if m.semihosting {
            c = c.arg("-semihosting");
        }
        c = net_args(c, paths, rr);
        // Host file access over 9P is not recorded, so a replay would diverge.
        if rr.is_none() {
            c = plan9_fs_args(c, paths);
        }
        for dev in m.devices {
            c = c.line(["-device", dev]);
        }
        c = drive_args(c, boot, paths);
        c = c.arg("-no-reboot");
        if boot.kvm {
            c = c.arg("-enable-kvm");
        }
        c = debug_args(c, boot, paths, rr);
        Ok(c.line(&boot.extra_emulator_args))
    }

    fn userland(&self, program: &Program, _config: &Config, paths: &Paths) -> Result<Cmd> {
        let mut c =
            Cmd::new(p(&paths.qemu_user_executable)).line(["-L", &p(&paths.userland_library_dir)]);
        if let Some(release) = &program.kernel_version {
            c = c.line(["-r", release]);
        }
        if program.gdb_wait {
            c = c.line(["-g", &paths.gdb_port.to_string()]);
        }
        if let Some(events) = &program.trace {
            c = c.line(["-trace", &trace_spec(events, paths)]);
        }
        if program.trace_insts_stdout {
            c = c.line(["-d", "in_asm"]);
        }
        if !program.extra_args.is_empty() {
            c = c.line(&program.extra_args);
        }
        Ok(c.arg(p(&program.exe)).args(&program.args))
    }

    /// The same board and CPU as Linux boots on, semihosting for the exit
    /// status, the UART on the terminal.
    fn baremetal(&self, boot: &Boot, image: &Path, config: &Config, paths: &Paths) -> Result<Cmd> {
        let mut c = Cmd::new(p(&paths.qemu_executable));
        c = machine_args(c, board(config), boot, false);
        c = size_args(c, boot);
        c = c.line(["-nographic", "-semihosting"]);
        // No network: else the board gets its default NIC, whose option
        // ROM a QEMU built from a blob-free source does not have.
        c = c.line(["-nic", "none"]);
        c = gdb_args(c, paths);
        c = c.line(["-kernel", &p(image)]);
        if !boot.program_args.is_empty() {
            // argv: the blob lkmc wrote, where the runtime reads it.
            c = c.line([
                "-device",
                &format!(
                    "loader,file={},addr={:#x},force-raw=on",
                    p(&paths.baremetal_cli_args_file),
                    crate::build::baremetal::cli_args_addr(config)
                ),
            ]);
        }
        c = debug_args(c, boot, paths, None);
        Ok(c.args(&boot.extra_emulator_args))
    }
}

/// QEMU's `-trace` value: the events, into the run's trace file. The
/// distro's QEMU has the `log` trace backend, which writes text: so the
/// file is trace_txt_file (the original's QEMU had the binary `simple` one,
/// into trace.bin, for its qemu-trace2txt).
fn trace_spec(events: &str, paths: &Paths) -> String {
    format!("enable={events},file={}", p(&paths.trace_txt_file))
}

/// The board (the arch's, or --machine's) and its CPU (the host's under
/// KVM).
fn machine_args(c: Cmd, m: &MachineFacts, boot: &Boot, kvm: bool) -> Cmd {
    let c = match &boot.machine {
        Some(name) => c.line(["-machine", name]),
        None => c.line(m.machine_args.iter().copied()),
    };
    c.line(["-cpu", if kvm { "host" } else { m.cpu }])
}

/// RAM and CPUs.
fn size_args(c: Cmd, boot: &Boot) -> Cmd {
    c.line(["-m", &boot.memory])
        .line(["-smp", &boot.cpus.to_string()])
}

/// Firmware, window and VNC.
fn display_args(mut c: Cmd, boot: &Boot, m: &MachineFacts) -> Cmd {
    if let Some(bios) = m.headless_bios
        && !(boot.graphic || boot.vnc)
    {
        c = c.line(["-bios", bios]);
    }
    if !boot.graphic {
        c = c.arg("-nographic");
    }
    if boot.vnc {
        c = c.line(["-vnc", ":0"]);
    }
    if boot.graphic || boot.vnc {
        for dev in m.display_devices {
            c = c.line(["-device", dev]);
        }
    }
    c
}

/// `--graphic` and `--vnc` on a board whose display needs a driver the
/// kernel may lack (virtio-gpu on arm and aarch64): refused when lkmc's
/// kernel was built without it, rather than a window that stays blank.
fn check_display(boot: &Boot, config: &Config, paths: &Paths) -> Result<()> {
    let Some(option) = board(config).display_config else {
        return Ok(());
    };
    if !(boot.graphic || boot.vnc) || boot.linux_exec.is_some() {
        return Ok(());
    }
    let Ok(text) = std::fs::read_to_string(&paths.linux_config) else {
        // No kernel built yet: the boot says what to build.
        return Ok(());
    };
    if text.lines().any(|l| l == format!("{option}=y")) {
        return Ok(());
    }
    let arch = config.arch;
    Err(UsageError::new(format!(
        "--graphic and --vnc show the guest on QEMU's virtio-gpu, and the kernel in {} has no \
         driver for it ({option} is not set), so the display would stay blank.\nBuild one \
         beside it, with configs/linux/graphic.config (virtio-gpu, fbcon, a virtio keyboard), \
         and boot that:\n  lkmc build --arch {arch} --linux-build-id graphic linux \
         --config-fragment configs/linux/graphic.config\n  lkmc run --arch {arch} \
         --linux-build-id graphic --graphic",
        paths.linux_build_dir.display()
    ))
    .into())
}

/// The console's serial port and the monitor.
fn serial_args(c: Cmd, boot: &Boot, paths: &Paths) -> Cmd {
    let serial = if boot.background {
        format!("file:{}", p(&paths.background_serial_file))
    } else if boot.ctrl_c_host {
        "stdio".to_string()
    } else {
        "mon:stdio".to_string()
    };
    c.line(["-serial", &serial]).line([
        "-monitor",
        &format!("telnet::{},server,nowait", paths.monitor_port),
    ])
}

/// QEMU's GDB stub on the run's port.
fn gdb_args(c: Cmd, paths: &Paths) -> Cmd {
    c.line(["-gdb", &format!("tcp::{}", paths.gdb_port)])
}

/// The second serial port, on the run's port (`telnet localhost
/// EXTRA_SERIAL_PORT`): the guest's ttyS1 on x86_64 (KGDB), ttyAMA1 on arm
/// and aarch64 (QEMU's virt board has a second UART from QEMU 10 on).
fn extra_serial_args(c: Cmd, paths: &Paths) -> Cmd {
    c.line([
        "-serial",
        &format!("tcp::{},server,nowait", paths.extra_serial_port),
    ])
}

/// User networking with the run's forwarded ports; its traffic is part of
/// a recording.
fn net_args(c: Cmd, paths: &Paths, rr: Option<RecordReplay>) -> Cmd {
    let c = c
        .line([
            "-netdev",
            &format!(
                "user,id=net0,hostfwd=tcp::{g}-:{guest},hostfwd=tcp::{s}-:22",
                g = paths.hostfwd_generic_port,
                guest = GUEST_FORWARDED_PORT,
                s = paths.hostfwd_ssh_port
            ),
        ])
        // No option ROM: lkmc boots the kernel directly, never over PXE,
        // and without it QEMU needs no iPXE ROM file (ipxe-qemu, which the
        // distro's arm QEMU only recommends and a QEMU built from a blob-free
        // source tree lacks).
        .line(["-device", "virtio-net-pci,netdev=net0,romfile="]);
    match rr {
        Some(_) => c.line(["-object", "filter-replay,id=replay,netdev=net0"]),
        None => c,
    }
}

/// The host directories the guest mounts over 9P.
fn plan9_fs_args(mut c: Cmd, paths: &Paths) -> Cmd {
    for (dir, tag) in nine_p_shares(paths) {
        c = c.line([
            "-virtfs",
            &format!(
                "local,path={},mount_tag={tag},security_model=none,id={tag}",
                p(&dir)
            ),
        ]);
    }
    c
}

/// The root filesystem: the cpio, nothing (an initramfs is in the
/// kernel), or the disk image (lkmc's, or --disk-image's, always behind a
/// snapshot: lkmc never writes to a user's image), after the kernel's own
/// initramfs when it has one: the distro kernel's, with its modules for the
/// disk.
fn drive_args(mut c: Cmd, boot: &Boot, paths: &Paths) -> Cmd {
    if let (Some(initrd), Root::Disk { .. }) = (&paths.linux_initrd, boot.root) {
        c = c.line(["-initrd", &p(initrd)]);
    }
    let (disk, format) = match &boot.disk_image {
        Some(file) => (
            p(file),
            crate::images::format_name(crate::images::disk_format(file)),
        ),
        None => (p(&paths.disk_image), "qcow2"),
    };
    let persist_ok = boot.disk_image.is_none();
    match (boot.root, boot.record_replay) {
        (Root::Initrd, _) => c.line(["-initrd", &p(&paths.rootfs_cpio)]),
        (Root::Initramfs, _) => c,
        // Disk reads go through blkreplay so that they are replayed too.
        (Root::Disk { .. }, Some(_)) => c
            .line([
                "-drive",
                &format!("file={disk},format={format},if=none,snapshot=on,id=img-direct"),
            ])
            .line([
                "-drive",
                "driver=blkreplay,if=none,image=img-direct,id=img-blkreplay",
            ])
            .line(["-device", "virtio-blk-pci,drive=img-blkreplay"]),
        (Root::Disk { persist }, None) => {
            let snapshot = if persist && persist_ok {
                ""
            } else {
                ",snapshot=on"
            };
            let c = c.line([
                "-drive",
                &format!("file={disk},format={format},if=virtio{snapshot}"),
            ]);
            second_disk_args(c, paths)
        }
    }
}

/// `lkmc build disk2`'s squashfs, when it was built: the guest's /dev/vdb
/// after the root disk. Read-only (a squashfs is), which also leaves it out
/// of savevm's snapshots, which only qcow2 disks take. Not with a cpio
/// root (it would become vda) nor with record/replay (its reads would not
/// go through blkreplay).
fn second_disk_args(c: Cmd, paths: &Paths) -> Cmd {
    if !paths.disk_image_2.is_file() {
        return c;
    }
    c.line([
        "-drive",
        &format!(
            "file={},format=raw,if=virtio,readonly=on",
            p(&paths.disk_image_2)
        ),
    ])
}

/// Waiting for GDB, tracing, and the instruction count of record/replay
/// (between the two trace options, so that plans print as they always did).
fn debug_args(mut c: Cmd, boot: &Boot, paths: &Paths, rr: Option<RecordReplay>) -> Cmd {
    if boot.gdb_wait {
        c = c.arg("-S");
    }
    if let Some(events) = &boot.trace {
        c = c.line(["-trace", &trace_spec(events, paths)]);
    }
    if let Some(mode) = rr {
        c = c.line([
            "-icount",
            &format!(
                "shift=7,rr={},rrfile={}",
                mode.name(),
                p(&paths.qemu_rrfile)
            ),
        ]);
    }
    if boot.trace_insts_stdout {
        c = c.line(["-d", "in_asm"]);
    }
    c
}

/// The file QEMU boots: --linux-exec's, as it is, or lkmc's build. A kernel
/// with the PVH entry point (x86_64) is booted as vmlinux: QEMU jumps
/// straight into it, skipping the bzImage decompressor, which is slow under
/// TCG. Not the distro's: its vmlinux is the -dbg package's, for GDB only.
fn kernel_file<'a>(boot: &'a Boot, config: &Config, paths: &'a Paths) -> &'a Path {
    if let Some(file) = &boot.linux_exec {
        return file;
    }
    let pvh = || {
        std::fs::read_to_string(&paths.linux_config)
            .is_ok_and(|t| t.lines().any(|l| l == "CONFIG_PVH=y"))
    };
    let lkmc = config.linux_which == crate::facts::provider::LinuxWhich::Lkmc;
    if lkmc && paths.vmlinux.is_file() && pvh() {
        &paths.vmlinux
    } else {
        &paths.image
    }
}

/// Fail with what to do instead unless KVM can run `arch` here.
fn kvm_usable(arch: Arch) -> Result<()> {
    if !arch.is_host() {
        return Err(UsageError::new(format!(
            "--kvm needs the guest arch to be the host's; {arch} is not (run it without --kvm)"
        ))
        .into());
    }
    match std::fs::OpenOptions::new().read(true).write(true).open("/dev/kvm") {
        Ok(_) => Ok(()),
        Err(e) => Err(UsageError::new(format!(
            "--kvm: cannot use /dev/kvm ({e}); this machine has no usable KVM. Run without --kvm (TCG)."
        ))
        .into()),
    }
}
