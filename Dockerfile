# lkmc's host in a container: `lkmc docker create` builds this as the image
# `lkmc` and makes the container `lkmc` from it, with the checkout mounted
# at /root/lkmc (builds inside go to out.docker/ there: LKMC_OUT_DIR).
#
# Debian 12, lkmc built with cargo, then the host packages that
# `lkmc build --download-dependencies --all-archs qemu-linux baremetal`
# installs (QEMU from bookworm-backports, the cross compilers, the kernel's
# build tools, ...), installed by lkmc itself so the list has one home.
# The base is an argument: `--build-arg BASE=...` for a local Debian 12
# image where none can be pulled.
ARG BASE=debian:12
FROM ${BASE}
ARG DEBIAN_FRONTEND=noninteractive
# Debian 12's rustc (1.63) is older than lkmc's Rust edition 2024 needs:
# Rust comes from rustup, the cargo and compiler the README asks for.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl gcc libc6-dev git \
 && rm -rf /var/lib/apt/lists/*
# rustup-init itself, from where https://sh.rustup.rs would fetch it.
RUN curl -sSf -o /tmp/rustup-init \
      "https://static.rust-lang.org/rustup/dist/$(uname -m)-unknown-linux-gnu/rustup-init" \
 && chmod +x /tmp/rustup-init \
 && /tmp/rustup-init -y --profile minimal --no-modify-path \
 && rm /tmp/rustup-init
ENV PATH=/root/.cargo/bin:$PATH
COPY . /usr/src/lkmc
RUN cargo install --locked --path /usr/src/lkmc && rm -rf /usr/src/lkmc/target
# The checkout is mounted from the host, owned by another user: let git
# (the kernel source fetch) read it. In the image's system config only.
RUN git config --system --add safe.directory /root/lkmc
# Host packages only: the guest packages it also fetches go to a scratch
# out dir, dropped (the container fetches them into out.docker/).
RUN cd /usr/src/lkmc \
 && lkmc build --dependencies-only --all-archs --out-dir /tmp/lkmc-out qemu-linux baremetal \
 && rm -rf /tmp/lkmc-out /var/lib/apt/lists/*
WORKDIR /root/lkmc
CMD ["bash"]
