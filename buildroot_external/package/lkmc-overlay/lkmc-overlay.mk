################################################################################
#
# lkmc-overlay: lkmc's rootfs_overlay/ (init scripts, fstab, /lkmc)
#
################################################################################

LKMC_OVERLAY_VERSION = lkmc
LKMC_OVERLAY_SITE = $(BR2_EXTERNAL_LKMC_PATH)/../rootfs_overlay
LKMC_OVERLAY_SITE_METHOD = local
LKMC_OVERLAY_LICENSE = GPL-3.0

define LKMC_OVERLAY_INSTALL_TARGET_CMDS
	cp -a $(@D)/. $(TARGET_DIR)/
	mkdir -p $(addprefix $(TARGET_DIR),$(LKMC_MOUNT_POINTS))
endef

$(eval $(generic-package))
