/* OpenCV's BLAS and LAPACK calls, forwarded to numpy's OpenBLAS (packaging/linux_libraries.py).
 *
 * OpenCV's wheel links its own OpenBLAS (39 MB with gfortran) for the 19 routines below; numpy's wheel carries
 * another one with the same routines under other names (e.g. scipy_dgesv_64_) and, usually, 64-bit integers.
 * Built under the name of OpenCV's library, this file takes OpenCV's calls (32-bit integers), copies every
 * integer argument into THEIR_INT, calls numpy's routine and copies the integers it writes back (info, the
 * pivots). Character arguments keep the hidden length gfortran passes after the other arguments.
 *
 * Built by the packaging script only: cc -shared -fPIC -DPREFIX=scipy_ -DSUFFIX=64_ -DTHEIR_INT="long long".
 */

typedef __SIZE_TYPE__ size_t;
typedef THEIR_INT big;
void *malloc(size_t size);
void free(void *pointer);

#define CAT3_(a, b, c) a##b##c
#define CAT3(a, b, c) CAT3_(a, b, c)
#define THEIRS(name) CAT3(PREFIX, name, SUFFIX)

static big *integers(big count) { return (big *)malloc(sizeof(big) * (size_t)(count > 0 ? count : 1)); }

static void give_back(int *target, const big *source, big count) {
    for (big i = 0; i < count; i++) target[i] = (int)source[i];
}

/* A linear solve: a = P L U, then b = a^-1 b. */
#define GESV(T, name)                                                                                        \
    void THEIRS(name)(const big *, const big *, T *, const big *, big *, T *, const big *, big *);          \
    void name(const int *n, const int *nrhs, T *a, const int *lda, int *ipiv, T *b, const int *ldb, int *info) { \
        big n_ = *n, nrhs_ = *nrhs, lda_ = *lda, ldb_ = *ldb, info_ = 0;                                   \
        big *ipiv_ = integers(n_);                                                                          \
        if (!ipiv_) { *info = -1; return; }                                                                 \
        THEIRS(name)(&n_, &nrhs_, a, &lda_, ipiv_, b, &ldb_, &info_);                                        \
        give_back(ipiv, ipiv_, n_);                                                                         \
        free(ipiv_);                                                                                        \
        *info = (int)info_;                                                                                 \
    }
GESV(float, sgesv_)
GESV(double, dgesv_)

/* LU factorisation. */
#define GETRF(T, name)                                                                                       \
    void THEIRS(name)(const big *, const big *, T *, const big *, big *, big *);                           \
    void name(const int *m, const int *n, T *a, const int *lda, int *ipiv, int *info) {                    \
        big m_ = *m, n_ = *n, lda_ = *lda, info_ = 0, pivots = m_ < n_ ? m_ : n_;                          \
        big *ipiv_ = integers(pivots);                                                                      \
        if (!ipiv_) { *info = -1; return; }                                                                 \
        THEIRS(name)(&m_, &n_, a, &lda_, ipiv_, &info_);                                                    \
        give_back(ipiv, ipiv_, pivots);                                                                     \
        free(ipiv_);                                                                                        \
        *info = (int)info_;                                                                                 \
    }
GETRF(float, sgetrf_)
GETRF(double, dgetrf_)

/* Cholesky factorisation. */
#define POTRF(T, name)                                                                                       \
    void THEIRS(name)(const char *, const big *, T *, const big *, big *, size_t);                         \
    void name(const char *uplo, const int *n, T *a, const int *lda, int *info, size_t uplo_length) {       \
        big n_ = *n, lda_ = *lda, info_ = 0;                                                                \
        THEIRS(name)(uplo, &n_, a, &lda_, &info_, uplo_length);                                             \
        *info = (int)info_;                                                                                 \
    }
POTRF(float, spotrf_)
POTRF(double, dpotrf_)

/* A symmetric positive definite solve. */
#define POSV(T, name)                                                                                        \
    void THEIRS(name)(const char *, const big *, const big *, T *, const big *, T *, const big *, big *, size_t); \
    void name(const char *uplo, const int *n, const int *nrhs, T *a, const int *lda, T *b, const int *ldb,    \
              int *info, size_t uplo_length) {                                                              \
        big n_ = *n, nrhs_ = *nrhs, lda_ = *lda, ldb_ = *ldb, info_ = 0;                                   \
        THEIRS(name)(uplo, &n_, &nrhs_, a, &lda_, b, &ldb_, &info_, uplo_length);                          \
        *info = (int)info_;                                                                                 \
    }
POSV(float, sposv_)
POSV(double, dposv_)

/* QR factorisation. */
#define GEQRF(T, name)                                                                                       \
    void THEIRS(name)(const big *, const big *, T *, const big *, T *, T *, const big *, big *);            \
    void name(const int *m, const int *n, T *a, const int *lda, T *tau, T *work, const int *lwork, int *info) { \
        big m_ = *m, n_ = *n, lda_ = *lda, lwork_ = *lwork, info_ = 0;                                     \
        THEIRS(name)(&m_, &n_, a, &lda_, tau, work, &lwork_, &info_);                                      \
        *info = (int)info_;                                                                                 \
    }
GEQRF(float, sgeqrf_)
GEQRF(double, dgeqrf_)

/* Least squares. */
#define GELS(T, name)                                                                                        \
    void THEIRS(name)(const char *, const big *, const big *, const big *, T *, const big *, T *, const big *, \
                      T *, const big *, big *, size_t);                                                     \
    void name(const char *trans, const int *m, const int *n, const int *nrhs, T *a, const int *lda, T *b,     \
              const int *ldb, T *work, const int *lwork, int *info, size_t trans_length) {                  \
        big m_ = *m, n_ = *n, nrhs_ = *nrhs, lda_ = *lda, ldb_ = *ldb, lwork_ = *lwork, info_ = 0;         \
        THEIRS(name)(trans, &m_, &n_, &nrhs_, a, &lda_, b, &ldb_, work, &lwork_, &info_, trans_length);    \
        *info = (int)info_;                                                                                 \
    }
GELS(float, sgels_)
GELS(double, dgels_)

/* Singular value decomposition; iwork is scratch of 8 min(m, n) integers. */
#define GESDD(T, name)                                                                                       \
    void THEIRS(name)(const char *, const big *, const big *, T *, const big *, T *, T *, const big *, T *,  \
                      const big *, T *, const big *, big *, big *, size_t);                                 \
    void name(const char *jobz, const int *m, const int *n, T *a, const int *lda, T *s, T *u, const int *ldu, \
              T *vt, const int *ldvt, T *work, const int *lwork, int *iwork, int *info, size_t jobz_length) { \
        big m_ = *m, n_ = *n, lda_ = *lda, ldu_ = *ldu, ldvt_ = *ldvt, lwork_ = *lwork, info_ = 0;         \
        big *iwork_ = integers(8 * (m_ < n_ ? m_ : n_));                                                    \
        (void)iwork;                                                                                        \
        if (!iwork_) { *info = -1; return; }                                                                \
        THEIRS(name)(jobz, &m_, &n_, a, &lda_, s, u, &ldu_, vt, &ldvt_, work, &lwork_, iwork_, &info_,     \
                     jobz_length);                                                                          \
        free(iwork_);                                                                                       \
        *info = (int)info_;                                                                                 \
    }
GESDD(float, sgesdd_)
GESDD(double, dgesdd_)

/* Eigen values and vectors of a general matrix. */
void THEIRS(dgeev_)(const char *, const char *, const big *, double *, const big *, double *, double *, double *,
                    const big *, double *, const big *, double *, const big *, big *, size_t, size_t);
void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda, double *wr, double *wi,
            double *vl, const int *ldvl, double *vr, const int *ldvr, double *work, const int *lwork, int *info,
            size_t jobvl_length, size_t jobvr_length) {
    big n_ = *n, lda_ = *lda, ldvl_ = *ldvl, ldvr_ = *ldvr, lwork_ = *lwork, info_ = 0;
    THEIRS(dgeev_)(jobvl, jobvr, &n_, a, &lda_, wr, wi, vl, &ldvl_, vr, &ldvr_, work, &lwork_, &info_, jobvl_length,
                   jobvr_length);
    *info = (int)info_;
}

/* Matrix products (CBLAS: integers by value; the enums stay int). */
#define GEMM(T, S, name)                                                                                     \
    void THEIRS(name)(int, int, int, big, big, big, S, const T *, big, const T *, big, S, T *, big);       \
    void name(int order, int ta, int tb, int m, int n, int k, S alpha, const T *a, int lda, const T *b, int ldb, \
              S beta, T *c, int ldc) {                                                                      \
        THEIRS(name)(order, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);                          \
    }
GEMM(float, float, cblas_sgemm)
GEMM(double, double, cblas_dgemm)
GEMM(void, const void *, cblas_cgemm)
GEMM(void, const void *, cblas_zgemm)
