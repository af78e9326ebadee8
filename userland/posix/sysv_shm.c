/* System V shared memory and semaphores (shmget/shmat, semget/semop): the
 * older IPC API. A child increments a counter in the shared segment under a
 * SysV semaphore used as a lock.
 *
 * Run: lkmc run --userland userland/posix/sysv_shm.c --arch aarch64
 */
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

static void sem_change(int id, int delta) {
    struct sembuf op = {0, (short)delta, 0};
    if (semop(id, &op, 1) == -1)
        LKMC_FAIL("semop failed");
}

int main(void) {
    int shm = LKMC_SYS(shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600));
    int sem = LKMC_SYS(semget(IPC_PRIVATE, 1, IPC_CREAT | 0600));
    LKMC_SYS(semctl(sem, 0, SETVAL, 1));
    volatile long *counter = shmat(shm, NULL, 0);
    LKMC_ASSERT(counter != (void *)-1);
    *counter = 0;
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    for (int i = 0; i < 1000; i++) {
        sem_change(sem, -1);
        long v = *counter;
        *counter = v + 1;
        sem_change(sem, 1);
    }
    if (pid == 0)
        _exit(0);
    LKMC_SYS(waitpid(pid, NULL, 0));
    LKMC_ASSERT_EQ(*counter, 2000);
    struct shmid_ds ds;
    LKMC_SYS(shmctl(shm, IPC_STAT, &ds));
    LKMC_ASSERT_EQ(ds.shm_segsz, 4096);
    LKMC_SYS(shmdt((const void *)counter));
    LKMC_SYS(shmctl(shm, IPC_RMID, NULL));
    LKMC_SYS(semctl(sem, 0, IPC_RMID));
    puts("sysv ipc ok");
    return 0;
}
