# lkmc's BR2_EXTERNAL tree. Each package builds from lkmc's own directories
# (<PKG>_SITE_METHOD = local), so `make lkmc-<pkg>-rebuild` picks up an edit
# in seconds. lkmc passes the values that live outside Buildroot on make's
# command line:
#   LKMC_LINUX_BUILD_DIR     the kernel build dir (lkmc build linux)
#   LKMC_LINUX_ARCH          the kernel's ARCH=
#   LKMC_KERNEL_CROSS_COMPILE  the compiler the kernel was built with
#   LKMC_MODULES             the module objects for the arch (hello.o ...)
#   LKMC_USERLAND_MK         the userland makefile lkmc generated for the arch
#   LKMC_MOUNT_POINTS        directories the guest's fstab mounts on
#   LKMC_M5                  gem5's m5 tool as lkmc builds it (lkmc build m5)
include $(sort $(wildcard $(BR2_EXTERNAL_LKMC_PATH)/package/*/*.mk))
