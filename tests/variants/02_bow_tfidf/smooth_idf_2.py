from sklearn.feature_extraction.text import TfidfTransformer


def smooth_idf(counts):
    """Smoothed inverse document frequency: scikit-learn's own, read off a fitted TfidfTransformer."""
    return TfidfTransformer(smooth_idf=True).fit(counts).idf_.copy()
