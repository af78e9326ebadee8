################################################################################
#
# lkmc-overlay: lkmc's rootfs_overlay/ (init scripts, fstab, /lkmc)
#
################################################################################

LKMC_OVERLAY_VERSION = lkmc
LKMC_OVERLAY_SITE = $(BR2_EXTERNAL_LKMC_PATH)/../rootfs_overlay
LKMC_OVERLAY_SITE_METHOD = local
LKMC_OVERLAY_LICENSE = GPL-3.0

# gem5's m5 tool, when lkmc built it (lkmc build m5; static, so any libc).
define LKMC_OVERLAY_INSTALL_TARGET_CMDS
	cp -a $(@D)/. $(TARGET_DIR)/
	mkdir -p $(addprefix $(TARGET_DIR),$(LKMC_MOUNT_POINTS))
	if [ -f "$(LKMC_M5)" ]; then $(INSTALL) -D -m 0755 $(LKMC_M5) $(TARGET_DIR)/usr/bin/m5; fi
endef

$(eval $(generic-package))
