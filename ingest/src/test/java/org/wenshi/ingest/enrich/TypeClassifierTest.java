package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeClassifierTest {
    private final TypeClassifier types = new TypeClassifier();

    @Test
    void recognizesTheGenres() {
        assertThat(types.classify("政协南阳市第七届委员会常务委员会工作报告", "各位委员：", false)).isEqualTo(TypeClassifier.WORK_REPORT);
        assertThat(types.classify("关于缓解城区停车难的提案", "提案人：王建国", false)).isEqualTo(TypeClassifier.PROPOSAL);
        assertThat(types.classify("关于农村垃圾收运的社情民意信息", "反映人：李敏", false)).isEqualTo(TypeClassifier.PUBLIC_OPINION);
        assertThat(types.classify("回忆抗战时期的游击队", "张三 口述 李四 整理", false)).isEqualTo(TypeClassifier.MEMOIR);
        assertThat(types.classify("民国二十六年县政概况（节录）", "《南阳文史资料》第三辑\n编者按", false)).isEqualTo(TypeClassifier.HISTORY);
        assertThat(types.classify("南阳市政协召开专题协商会", "本报讯（记者 王敏）5月14日", true)).isEqualTo(TypeClassifier.NEWS);
        assertThat(types.classify("通知", "请各单位按时参加。", false)).isEqualTo(TypeClassifier.OTHER);
    }
}
