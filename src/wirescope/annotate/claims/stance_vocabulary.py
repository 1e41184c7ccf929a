"""Word lists the stance features count: refutation, negation, hedging, confirmation, stop words.

Written for this project from how news reports deny ("officials dismissed the report as a hoax"),
hedge ("reportedly", "sources say") and confirm ("the ministry confirmed"). They are cues, not
rules: the classifier weighs them beside the embeddings. Known gaps: sarcasm, denials phrased
without any of these words ("the video was filmed in 2012"), and hedges in other languages.
"""

from __future__ import annotations

REFUTING = frozenset("""
fake fakes faked hoax hoaxes false falsely deny denies denied denial denials debunk debunked
debunks debunking refute refutes refuted reject rejects rejected dismiss dismisses dismissed
untrue myth baseless fabricated fabrication bogus doubt doubts doubted contrary wrong misleading
satire satirical prank retract retracts retracted retraction nonsense lie lies lied dispute
disputes disputed contradict contradicts contradicted unfounded erroneous incorrect mistaken
photoshopped doctored staged never
""".split())

NEGATION = frozenset("""
not no never nobody none nothing neither nor without cannot nowhere
""".split())

HEDGING = frozenset("""
reportedly allegedly alleged alleges claim claims claimed claiming rumor rumors rumour rumours
rumored rumoured report reports reported according purportedly purported may might could possibly
apparently unconfirmed unverified suggests suggest appears appear seems seem believed speculation
speculate speculated sources source says said say suspected likely probably whether if would
supposedly possible perhaps investigating investigate
""".split())

CONFIRMING = frozenset("""
confirms confirmed confirm official officially indeed proves proved proof verified verifies
announced admits admitted acknowledges acknowledged revealed reveals true finally
""".split())

STOP_WORDS = frozenset("""
a an the and or but of to in on at by for with from as is are was were be been being it its this
that these those he she they them his her their we our you your i me my has have had do does did
will would should can could just than then so such into over about after before up down out off
there here who whom which what when where why how all any both each few more most other some own
same very s t also new says said say
""".split())
